package org.marketlens.framework.cooccurrence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PmiTest {
    @Test
    void handComputedExampleOfModelsSection24() {
        // Users liking {1,2}, {1,2}, {2,3} (items 0..3): C[1][2] = 2, C[2][3] = 1, #(1) = 2, #(2) = 3, #(3) = 1,
        // |D| = 6, so PMI(1,2) = ln(2·6/(2·3)) = ln 2 and PMI(2,3) = ln(1·6/(3·1)) = ln 2.
        SparseRows users = SparseRows.ofSets(4, new int[][] {{1, 2}, {1, 2}, {2, 3}});
        Pmi pmi = Pmi.of(CooccurrenceCounts.of(users, 0, 0));
        assertEquals(6, pmi.pairs(), 1e-12);
        assertEquals(Math.log(2), pmi.of(1, 2), 1e-12);
        assertEquals(Math.log(2), pmi.of(2, 1), 1e-12);
        assertEquals(Math.log(2), pmi.of(2, 3), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, pmi.of(1, 3), "never together");
        assertEquals(Double.NEGATIVE_INFINITY, pmi.of(0, 1), "item 0 has no user");
    }

    @Test
    void negativePmiIsKeptUnlikeSppmi() {
        SparseRows users = SparseRows.ofSets(3, new int[][] {{0, 1}, {0, 1}, {0, 1}, {0, 1}, {0, 2}, {1, 2}, {2, 0}});
        // C[0][1] = 4, C[0][2] = 2, C[1][2] = 1: #(0) = 6, #(1) = 5, #(2) = 3, |D| = 14.
        Pmi pmi = Pmi.of(CooccurrenceCounts.of(users, 0, 0));
        assertEquals(14, pmi.pairs(), 1e-12);
        assertEquals(Math.log(4.0 * 14 / (6 * 5)), pmi.of(0, 1), 1e-12);
        assertEquals(Math.log(1.0 * 14 / (5 * 3)), pmi.of(1, 2), 1e-12);
        assertEquals(true, pmi.of(1, 2) < 0, "ln(14/15) is negative");
        assertEquals(0, Sppmi.of(CooccurrenceCounts.of(users, 0, 0), 1).get(1, 2), "SPPMI clips it");
    }
}
