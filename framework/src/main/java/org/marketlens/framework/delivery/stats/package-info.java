/**
 * Statistics for the delivery pipeline: ordinary least squares with rank-deficiency handling (VIF, stepAIC,
 * Box–Cox profile likelihood; MODELS.md §1.6, §1.8), k-means++ and the BIC of Eq. 3.1 (§1.4.6, A-10, A-17).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.marketlens.framework.delivery.stats;
