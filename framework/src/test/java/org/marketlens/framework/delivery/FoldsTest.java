package org.marketlens.framework.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void wilcoxonIsDirectional() {
        double[] a = {0.8, 0.82, 0.79, 0.85, 0.81, 0.83, 0.8, 0.84, 0.86, 0.78};
        double[] b = {0.6, 0.61, 0.58, 0.65, 0.6, 0.62, 0.59, 0.63, 0.64, 0.57};
        double p = DeliveryMetrics.wilcoxonGreater(a, b);
        assertEquals(1.0 / 1024, p, 1e-9);
        assertTrue(DeliveryMetrics.wilcoxonGreater(b, a) > 0.99);
    }
}
