package org.marketlens.framework.eval;

import org.marketlens.api.eval.Metric;

/**
 * Recall@N(u) = |Top_N(u) ∩ T_u| / min(N, |T_u|) (MODELS.md §2.11, as in the authors' evaluation code). The
 * denominator is capped at N so that a perfect ranking scores 1 even when the user has more than N relevant items.
 * With one relevant item this equals HIT@N.
 */
public record Recall(int cutoff) implements Metric {
    @Override
    public String name() {
        return "Recall@" + cutoff;
    }

    @Override
    public double value(int[] ranks, int relevant) {
        if (relevant == 0) {
            return 0;
        }
        return hitsBelow(ranks, cutoff) / (double) Math.min(cutoff, relevant);
    }

    /** @return number of ranks (ascending, 0-based) below {@code cutoff} */
    static int hitsBelow(int[] ranks, int cutoff) {
        int hits = 0;
        for (int r : ranks) {
            if (r < cutoff) {
                hits++;
            }
        }
        return hits;
    }
}
