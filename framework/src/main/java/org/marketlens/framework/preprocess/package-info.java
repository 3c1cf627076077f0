/**
 * Preprocessing of interaction data before a protocol splits it: like/dislike thresholds and binarisation
 * (MODELS.md §2.2, §4.8), duplicate removal (§3.12), minimum group sizes (§4.1, §4.8), iterative k-core (§2.11,
 * §4.8, §5.7), re-indexing, chronological user sequences with long-term items capped at l = Q3 + 1.5·IQR and
 * short-term items S(u) (§5.2) and basket training instances (§4.1). Every step reports its counts for the
 * dataset provenance.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.marketlens.framework.preprocess;
