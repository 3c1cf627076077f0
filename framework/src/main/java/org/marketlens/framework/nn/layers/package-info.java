/**
 * Graph layers shared by the signed-distance family (MODELS.md §4.2–4.5): affine maps over concatenated inputs,
 * the element-wise-square edge-weight layer that turns per-dimension distances into a signed distance
 * (Eq. 5.5–5.6, 5.12–5.13, 5.21) and masked metric attention (softmin over context items, Eq. 5.9–5.10, 5.16–5.17;
 * padding masked as in MODELS.md §0.4). Models compose these rather than copying them between bundles.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.marketlens.framework.nn.layers;
