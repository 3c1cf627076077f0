package org.marketlens.eval.timesampled;

import org.marketlens.api.eval.Metric;

/** A metric computed on full ranking beside its sampled value; its name gains the suffix {@code (full)}. */
record FullRankingVariant(Metric metric) implements Metric {
    @Override
    public String name() {
        return metric.name() + "(full)";
    }

    @Override
    public double value(int[] ranks, int relevant) {
        return metric.value(ranks, relevant);
    }
}
