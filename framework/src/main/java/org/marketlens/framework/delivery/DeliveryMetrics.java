package org.marketlens.framework.delivery;


/** Metrics of MODELS.md §1.7–§1.8 and the directional Wilcoxon signed-rank test (commons-math3). */
public final class DeliveryMetrics {
    private DeliveryMetrics() {
    }

    /** @return share of rows where {@code prob ≥ 0.5} agrees with the 0/1 label */
    public static double accuracy(double[] probLate, double[] labels) {
        int ok = 0;
        for (int i = 0; i < labels.length; i++) {
            if ((probLate[i] >= 0.5) == (labels[i] >= 0.5)) {
                ok++;
            }
        }
        return labels.length == 0 ? Double.NaN : ok / (double) labels.length;
    }

    /** RMSE = sqrt(mean((ŷ − y)²)) in days. */
    public static double rmse(double[] pred, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (pred[i] - y[i]) * (pred[i] - y[i]);
        }
        return Math.sqrt(s / y.length);
    }

    /** NRMSE@A = RMSE / (max y − min y). */
    public static double nrmseRange(double[] pred, double[] y) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return rmse(pred, y) / (hi - lo);
    }

    /** NRMSE@B = RMSE / mean y. */
    public static double nrmseMean(double[] pred, double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return rmse(pred, y) / (s / y.length);
    }

    /**
     * Directional paired Wilcoxon signed-rank test of H1: {@code better} tends to exceed {@code worse}, as R's
     * {@code wilcox.test(better, worse, paired = TRUE, alternative = "greater")}: zero differences are dropped, ties
     * get average ranks, and the p-value is {@code P(W+ ≥ observed W+)}, exact (by counting the 2^n sign patterns'
     * rank sums) up to {@value #EXACT_PAIRS} non-zero pairs, else from the normal approximation with tie and
     * continuity corrections. (commons-math enumerates the 2^n patterns one by one: at n = 30 a single test of
     * Table 3.5 took minutes; its two-sided p also exceeds 1 when W+ = W−.)
     *
     * @return the one-sided p-value (1 when there is no difference at all)
     */
    public static double wilcoxonGreater(double[] better, double[] worse) {
        int n = 0;
        double[] abs = new double[better.length];
        boolean[] positive = new boolean[better.length];
        for (int i = 0; i < better.length; i++) {
            double d = better[i] - worse[i];
            if (d != 0) {
                abs[n] = Math.abs(d);
                positive[n] = d > 0;
                n++;
            }
        }
        if (n == 0) {
            return 1.0;
        }
        double[] rank = new org.apache.commons.math3.stat.ranking.NaturalRanking()
                .rank(java.util.Arrays.copyOf(abs, n));
        double plus = 0;
        for (int i = 0; i < n; i++) {
            plus += positive[i] ? rank[i] : 0;
        }
        if (n <= EXACT_PAIRS) {
            // average ranks are multiples of 1/2: count sign patterns over doubled ranks
            int[] r2 = new int[n];
            int total = 0;
            for (int i = 0; i < n; i++) {
                r2[i] = (int) Math.round(2 * rank[i]);
                total += r2[i];
            }
            double[] ways = new double[total + 1];
            ways[0] = 1;
            for (int r : r2) {
                for (int v = total; v >= r; v--) {
                    ways[v] += ways[v - r];
                }
            }
            int observed = (int) Math.round(2 * plus);
            double atLeast = 0;
            for (int v = observed; v <= total; v++) {
                atLeast += ways[v];
            }
            return atLeast / Math.pow(2, n);
        }
        double mean = n * (n + 1) / 4.0;
        double var = n * (n + 1) * (2.0 * n + 1) / 24.0;
        double[] sorted = rank.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0, j; i < n; i = j) {
            for (j = i; j < n && sorted[j] == sorted[i]; j++) {
                // same average rank = one tie group
            }
            double t = j - i;
            var -= (t * t * t - t) / 48.0;
        }
        double z = (plus - mean - 0.5) / Math.sqrt(var);
        return 1 - new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1).cumulativeProbability(z);
    }

    /** Largest number of non-zero pairs with an exact Wilcoxon p-value. */
    static final int EXACT_PAIRS = 20;
}
