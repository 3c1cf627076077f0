package org.marketlens.framework.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PearsonCorrelationTest {
    @Test
    void exactLinearRelationsGivePlusAndMinusOne() {
        double[] x = {1, 2, 3, 4, 5};
        assertEquals(1.0, PearsonCorrelation.of(x, new double[] {3, 5, 7, 9, 11}), 1e-12);
        assertEquals(-1.0, PearsonCorrelation.of(x, new double[] {10, 8, 6, 4, 2}), 1e-12);
    }

    @Test
    void handComputedSmallCase() {
        // x = (1,2,3), y = (1,3,2): means 2 and 2; Σdx·dy = (−1)(−1) + 0·1 + 1·0 = 1; Σdx² = 2; Σdy² = 2 -> r = 1/2.
        assertEquals(0.5, PearsonCorrelation.of(new double[] {1, 2, 3}, new double[] {1, 3, 2}), 1e-12);
        // y symmetric around x's mean: (−2,−1,0,1,2) vs (4,1,0,1,4): Σdx·dy = 0 -> r = 0.
        assertEquals(0.0, PearsonCorrelation.of(new double[] {-2, -1, 0, 1, 2}, new double[] {4, 1, 0, 1, 4}), 1e-12);
    }

    @Test
    void constructedMixtureHasItsTheoreticalCorrelation() {
        // y = x + e with x, e independent standard normal: corr = 1/sqrt(2). 200k pairs, shifted far from zero to
        // exercise the one-pass updates; the sampling error of r is about (1 − r²)/sqrt(n) = 0.0011.
        SplittableRandom random = new SplittableRandom(3);
        PearsonCorrelation r = new PearsonCorrelation();
        for (int i = 0; i < 200_000; i++) {
            double x = gaussian(random);
            r.add(1e6 + x, -5e5 + x + gaussian(random));
        }
        assertEquals(200_000, r.count());
        assertEquals(1 / Math.sqrt(2), r.value(), 0.006);
    }

    @Test
    void degenerateInputsAreNaNOrRejected() {
        assertTrue(Double.isNaN(new PearsonCorrelation().add(1, 2).value()), "one pair");
        assertTrue(Double.isNaN(PearsonCorrelation.of(new double[] {1, 1, 1}, new double[] {1, 2, 3})), "constant x");
        assertThrows(IllegalArgumentException.class, () -> new PearsonCorrelation().add(Double.NEGATIVE_INFINITY, 0));
        assertThrows(IllegalArgumentException.class, () -> PearsonCorrelation.of(new double[2], new double[3]));
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
