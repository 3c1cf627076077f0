package org.marketlens.framework.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NdcgTest {
    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void oneRelevantItemGivesInverseLogOfRankPlusTwo() {
        Ndcg ndcg = new Ndcg(10);
        assertEquals("NDCG@10", ndcg.name());
        assertEquals(1.0, ndcg.value(new int[] {0}, 1), 1e-12);
        assertEquals(0.5, ndcg.value(new int[] {2}, 1), 1e-12);
        assertEquals(1 / log2(11), ndcg.value(new int[] {9}, 1), 1e-12);
        assertEquals(0.0, ndcg.value(new int[] {10}, 1));
    }

    @Test
    void severalRelevantItemsAreNormalisedByTheIdealRanking() {
        // ranks 0 and 3 of two relevant items: (1 + 1/log2 5) / (1 + 1/log2 3)
        assertEquals((1 + 1 / log2(5)) / (1 + 1 / log2(3)), new Ndcg(10).value(new int[] {0, 3}, 2), 1e-12);
        // cut-off 2 with three relevant: ideal has two gains; only rank 1 counts
        assertEquals((1 / log2(3)) / (1 + 1 / log2(3)), new Ndcg(2).value(new int[] {1, 5, 7}, 3), 1e-12);
        // a relevant item that was not ranked still counts in the ideal DCG
        assertEquals(1 / (1 + 1 / log2(3)), new Ndcg(10).value(new int[] {0}, 2), 1e-12);
        assertEquals(0.0, new Ndcg(10).value(new int[0], 0));
    }
}
