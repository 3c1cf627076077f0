package org.marketlens.eval.timesampled;

import org.marketlens.api.eval.Metric;

/**
 * HIT@N over several positives, by {@link HitDefinition} (MODELS.md §5.7, A-43). Ranks are 0-based positions among
 * all candidates, positives included, sorted ascending. For {@link HitDefinition#PER_POSITIVE} the rank of the j-th
 * positive (0-based) among the negatives alone is {@code rank − j}, since exactly j positives are ranked above it
 * (with pessimistic ties an equal-scored positive also counts as above, so tied positives can rank one lower).
 */
record MultiPositiveHit(int cutoff, HitDefinition definition) implements Metric {
    @Override
    public String name() {
        return "HIT@" + cutoff;
    }

    @Override
    public double value(int[] ranks, int relevant) {
        if (relevant == 0) {
            return 0;
        }
        int hits = 0;
        for (int r : ranks) {
            if (r < cutoff) {
                hits++;
            }
        }
        return switch (definition) {
            case RECALL -> hits / (double) Math.min(cutoff, relevant);
            case ALL -> hits == relevant ? 1 : 0;
            case ANY -> hits > 0 ? 1 : 0;
            case PER_POSITIVE -> {
                int alone = 0;
                for (int j = 0; j < ranks.length; j++) {
                    if (ranks[j] - j < cutoff) {
                        alone++;
                    }
                }
                yield alone / (double) relevant;
            }
        };
    }
}
