/**
 * Training building blocks shared by every model: hyper-parameter resolution, seeds, early stopping and
 * (user, positive, negative) batches (MODELS.md §3.7, §4.8; ).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.marketlens.framework.train;
