package org.marketlens.framework.delivery.stats;

/**
 * Choice of the number of k-means clusters by Eq. 3.1 (MODELS.md §1.4.6, A-10), implemented literally:
 * {@code BIC(K) = Σ_k Σ_{i∈k} dist(v_i, c_k) + ln(n) · m · K} with non-squared Euclidean {@code dist} (or squared,
 * as an option), {@code n} given by the caller (the dissertation uses the number of rewards) and {@code m} the
 * vector dimension.
 */
public final class Bic {
    private Bic() {
    }

    /**
     * The result of a BIC search.
     *
     * @param k          chosen number of clusters
     * @param clustering the clustering for that k
     * @param bic        BIC value per k, index k − kMin
     */
    public record Choice(int k, KMeans.Clustering clustering, double[] bic) {
    }

    /**
     * @param points   points to cluster (n × m)
     * @param kMin     smallest K tried (≥ 1)
     * @param kMax     largest K tried (capped at the number of points)
     * @param n        the {@code n} of the penalty term
     * @param squared  use squared distances in the first term
     * @param restarts k-means restarts per K
     * @param seed     seed
     * @return the K minimising BIC (ties: the smallest K)
     */
    public static Choice choose(double[][] points, int kMin, int kMax, long n, boolean squared, int restarts,
            long seed) {
        int hi = Math.min(kMax, points.length);
        int m = points[0].length;
        double[] bic = new double[hi - kMin + 1];
        Choice best = null;
        for (int k = kMin; k <= hi; k++) {
            KMeans.Clustering c = KMeans.fit(points, k, restarts, 100, seed + k);
            double fit = squared ? c.inertia() : c.sumDistances(points);
            bic[k - kMin] = fit + Math.log(n) * m * k;
            if (best == null || bic[k - kMin] < best.bic()[best.k() - kMin]) {
                best = new Choice(k, c, bic);
            }
        }
        return best;
    }
}
