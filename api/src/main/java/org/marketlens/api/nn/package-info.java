/**
 * Differentiable models and losses on ND4J SameDiff. A model builds its score graph from a
 * {@link org.marketlens.api.nn.ParameterView}, so a loss can build the clean score and a perturbed score
 * (APR, Eq. 4.31–4.33; QABPR, Eq. 5.39–5.41) without knowing the model (MODELS.md §3.7–3.8, §4.6, §5.6).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.4.0")
package org.marketlens.api.nn;
