/**
 * Training and serving of {@link org.marketlens.api.nn.DifferentiableModel}s with ND4J SameDiff: parameter
 * initialisation, the mini-batch loop with Adam, early stopping on the validation metric with the best checkpoint
 * kept, APR-style noise variables, generic inference and snapshots (MODELS.md §3.7–3.8, §4.6, §4.8).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.3.0")
package org.marketlens.framework.nn;
