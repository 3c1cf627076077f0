package org.marketlens.framework.eval;

import org.marketlens.api.eval.Metric;

/** HIT@k = 1 when at least one relevant item ranks in the top k (0-based rank r < k), else 0 (MODELS.md §4.8). */
public record HitRate(int cutoff) implements Metric {
    @Override
    public String name() {
        return "HIT@" + cutoff;
    }

    @Override
    public double value(int[] ranks, int relevant) {
        return ranks.length > 0 && ranks[0] < cutoff ? 1.0 : 0.0;
    }
}
