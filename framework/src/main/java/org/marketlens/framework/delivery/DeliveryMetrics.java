package org.marketlens.framework.delivery;

import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

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
     * Directional paired Wilcoxon signed-rank test of H1: {@code better} tends to exceed {@code worse}
     * (exact distribution for n ≤ 30, normal approximation above).
     *
     * @return the one-sided p-value (1 when there is no difference at all)
     */
    public static double wilcoxonGreater(double[] better, double[] worse) {
        int nonZero = 0;
        double sum = 0;
        for (int i = 0; i < better.length; i++) {
            if (better[i] != worse[i]) {
                nonZero++;
            }
            sum += better[i] - worse[i];
        }
        if (nonZero == 0) {
            return 1.0;
        }
        double twoSided = new WilcoxonSignedRankTest()
                .wilcoxonSignedRankTest(better, worse, better.length <= 30);
        return sum > 0 ? twoSided / 2 : 1 - twoSided / 2;
    }
}
