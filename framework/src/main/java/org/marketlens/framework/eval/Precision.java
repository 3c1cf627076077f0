package org.marketlens.framework.eval;

import org.marketlens.api.eval.Metric;

/** Precision@N(u) = |Top_N(u) ∩ T_u| / N (the Precision@r term inside MAP@N, MODELS.md §2.11). */
public record Precision(int cutoff) implements Metric {
    @Override
    public String name() {
        return "Precision@" + cutoff;
    }

    @Override
    public double value(int[] ranks, int relevant) {
        return Recall.hitsBelow(ranks, cutoff) / (double) cutoff;
    }
}
