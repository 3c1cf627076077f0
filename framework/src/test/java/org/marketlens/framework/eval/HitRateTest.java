package org.marketlens.framework.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HitRateTest {
    @Test
    void hitWhenTheBestRankIsBelowTheCutoff() {
        HitRate hit = new HitRate(10);
        assertEquals("HIT@10", hit.name());
        assertEquals(1.0, hit.value(new int[] {0}, 1));
        assertEquals(1.0, hit.value(new int[] {9}, 1));
        assertEquals(0.0, hit.value(new int[] {10}, 1), "0-based rank 10 is the 11th place");
        assertEquals(1.0, hit.value(new int[] {3, 40}, 2), "one relevant item in the top k is a hit");
        assertEquals(0.0, hit.value(new int[0], 1), "no ranked relevant item");
    }
}
