package org.marketlens.framework.eval;

import org.marketlens.api.eval.Metric;

/**
 * NDCG@k with binary relevance: DCG = sum over relevant ranks r < k of 1 / log2(r + 2), divided by the ideal DCG of
 * min(k, relevant) hits. With one relevant item this is {@code 1/log2(r+2)} when r < k (MODELS.md §4.8).
 */
public record Ndcg(int cutoff) implements Metric {
    @Override
    public String name() {
        return "NDCG@" + cutoff;
    }

    @Override
    public double value(int[] ranks, int relevant) {
        double dcg = 0;
        for (int r : ranks) {
            if (r < cutoff) {
                dcg += gain(r);
            }
        }
        double ideal = 0;
        for (int r = 0; r < Math.min(cutoff, relevant); r++) {
            ideal += gain(r);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double gain(int rank) {
        return 1.0 / (Math.log(rank + 2) / Math.log(2));
    }
}
