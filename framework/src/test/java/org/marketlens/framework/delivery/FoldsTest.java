package org.marketlens.framework.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FoldsTest {
    @Test
    void stratifiedFoldsKeepTheClassShare() {
        double[] y = new double[100];
        for (int i = 0; i < 40; i++) {
            y[i] = 1;
        }
        int[] fold = Folds.stratified(y, 10, 5);
        for (int f = 0; f < 10; f++) {
            int[] test = Folds.rows(fold, f, true);
            int late = 0;
            for (int r : test) {
                late += (int) y[r];
            }
            assertEquals(10, test.length);
            assertEquals(4, late);
            assertEquals(90, Folds.rows(fold, f, false).length);
        }
    }

    @Test
    void repeatedFoldsAreStratifiedAndDisjointWithinEachRepetition() {
        double[] y = new double[100];
        for (int i = 0; i < 40; i++) {
            y[i] = 1;
        }
        int[][] folds = Folds.repeatedStratified(y, 10, 3, 5);
        assertEquals(3, folds.length);
        assertArrayEquals(Folds.stratified(y, 10, 5), folds[0], "repetition 1 is the plain protocol's folds");
        for (int[] fold : folds) {
            boolean[] tested = new boolean[y.length];
            for (int f = 0; f < 10; f++) {
                int late = 0;
                for (int r : Folds.rows(fold, f, true)) {
                    assertFalse(tested[r], "row " + r + " in two test folds of one repetition");
                    tested[r] = true;
                    late += (int) y[r];
                }
                assertEquals(4, late);
            }
            for (boolean t : tested) {
                assertTrue(t);
            }
        }
        assertFalse(java.util.Arrays.equals(folds[0], folds[1]));
        assertFalse(java.util.Arrays.equals(folds[1], folds[2]));
        assertThrows(IllegalArgumentException.class, () -> Folds.repeatedStratified(y, 10, 0, 5));
    }

    @Test
    void wilcoxonOnManyPairsIsApproximateAndDirectionalByRankSums() {
        // 400 projects' errors (Table 3.5): the normal approximation; an exact test would enumerate 2^400 signs
        double[] a = new double[400];
        double[] b = new double[400];
        for (int i = 0; i < 400; i++) {
            a[i] = i % 4 == 0 ? 0 : 1 + i;
        }
        assertTrue(DeliveryMetrics.wilcoxonGreater(a, b) < 1e-10);
        assertTrue(DeliveryMetrics.wilcoxonGreater(b, a) > 1 - 1e-10);
        // differences 1, -2, -3, 100: the raw sum (+96) points to "c > d", the signed ranks do not
        // (W+ = 1 + 4 = 5 = W-): exact P(W+ >= 5) over the 16 sign patterns of ranks 1..4 is 9/16
        double[] c = {1, 0, 0, 100};
        double[] d = {0, 2, 3, 0};
        assertEquals(9.0 / 16, DeliveryMetrics.wilcoxonGreater(c, d), 1e-12);
        // a zero difference is dropped (R's wilcox.test): 9 wins out of 9 non-zero pairs give 1/512
        double[] e = {1, 2, 3, 4, 5, 6, 7, 8, 9, 5};
        double[] f = {0, 0, 0, 0, 0, 0, 0, 0, 0, 5};
        assertEquals(1.0 / 512, DeliveryMetrics.wilcoxonGreater(e, f), 1e-12);
    }

    @Test
    void wilcoxonIsDirectional() {
        double[] a = {0.8, 0.82, 0.79, 0.85, 0.81, 0.83, 0.8, 0.84, 0.86, 0.78};
        double[] b = {0.6, 0.61, 0.58, 0.65, 0.6, 0.62, 0.59, 0.63, 0.64, 0.57};
        double p = DeliveryMetrics.wilcoxonGreater(a, b);
        assertEquals(1.0 / 1024, p, 1e-9);
        assertTrue(DeliveryMetrics.wilcoxonGreater(b, a) > 0.99);
    }
}
