package org.marketlens.model.item2vec;

import org.marketlens.framework.als.FactorRecommender;

/**
 * Turns item vectors into a dot-product model: {@code score(u, i) = Σ_{j ∈ I_u} cos(v_i, v_j) = v̂_iᵀ (Σ_{j ∈ I_u} v̂_j)},
 * i.e. unit item vectors and one precomputed profile per user, served and saved by the framework's
 * {@link FactorRecommender}.
 */
final class Item2VecFactors {
    private Item2VecFactors() {
    }

    /**
     * @param vectors item vectors, row-major [n, k]
     * @param k       dimension
     * @param liked   each user's liked items
     * @return the model
     */
    static FactorRecommender of(float[] vectors, int k, int[][] liked) {
        float[] units = vectors.clone();
        for (int i = 0; i < units.length / k; i++) {
            double norm = 0;
            for (int d = 0; d < k; d++) {
                norm += units[i * k + d] * units[i * k + d];
            }
            float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
            for (int d = 0; d < k; d++) {
                units[i * k + d] *= scale;
            }
        }
        float[] profiles = new float[liked.length * k];
        for (int u = 0; u < liked.length; u++) {
            for (int j : liked[u]) {
                for (int d = 0; d < k; d++) {
                    profiles[u * k + d] += units[j * k + d];
                }
            }
        }
        return new FactorRecommender(Item2VecProvider.NAME, k, profiles, units);
    }
}
