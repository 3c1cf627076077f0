/**
 * Crowdfunding reward-delivery prediction (MODELS.md §1): the project record with its rewards, updates and
 * comments, the time points TP1–TP4 (§1.3), feature extractors and selectors (§1.4, §1.6), the on-time/late
 * classifier and the delivery-duration regressor (§1.7, §1.8), and project sources (loaders, generators).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.4.0")
package org.marketlens.api.delivery;
