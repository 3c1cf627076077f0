package org.marketlens.framework.eval;

import org.marketlens.api.eval.Metric;

/**
 * AP@N(u) = (1 / min(N, |T_u|)) · sum_{r=1..N} rel_r · Precision@r(u), whose mean over users is MAP@N
 * (MODELS.md §2.11). With 0-based ranks sorted ascending, the j-th hit (0-based) at rank r contributes
 * (j + 1) / (r + 1).
 */
public record AveragePrecision(int cutoff) implements Metric {
    @Override
    public String name() {
        return "MAP@" + cutoff;
    }

    @Override
    public double value(int[] ranks, int relevant) {
        if (relevant == 0) {
            return 0;
        }
        double sum = 0;
        int hits = 0;
        for (int r : ranks) {
            if (r < cutoff) {
                hits++;
                sum += hits / (double) (r + 1);
            }
        }
        return sum / Math.min(cutoff, relevant);
    }
}
