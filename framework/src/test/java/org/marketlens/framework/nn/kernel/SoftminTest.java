package org.marketlens.framework.nn.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Softmin's weights and vector-Jacobian product on hand-computed rows, padding and all-padding rows. */
class SoftminTest {
    @Test
    void weightsAreASoftminOverValidPositionsOnly() {
        // z = [1, 2, 9, 1 + ln 3] with position 2 padded: weights ∝ [1, e^-1, 0, 1/3].
        float[] z = {5, 1, 2, 9, 1 + (float) Math.log(3)};
        float[] mask = {1, 1, 0, 1};
        float[] a = new float[6];
        Softmin.weights(z, 1, mask, 0, 4, a, 2);
        double sum = 1 + Math.exp(-1) + 1.0 / 3;
        assertArrayEquals(new float[] {0, 0, (float) (1 / sum), (float) (Math.exp(-1) / sum), 0,
                (float) (1.0 / 3 / sum)}, a, 1e-6f);
    }

    @Test
    void hugeDistancesStillGiveWeightsThatSumToOne() {
        float[] a = new float[2];
        Softmin.weights(new float[] {1e4f, 1e4f + 1}, 0, new float[] {1, 1}, 0, 2, a, 0);
        assertEquals(1.0, a[0] + a[1], 1e-6);
        assertEquals(1 / (1 + Math.exp(-1)), a[0], 1e-6);
    }

    @Test
    void anAllPaddingRowHasZeroWeightsAndZeroGradient() {
        float[] a = {7, 7, 7};
        Softmin.weights(new float[] {1, 2, 3}, 0, new float[3], 0, 3, a, 0);
        assertArrayEquals(new float[3], a, 0f);
        float[] dz = {7, 7, 7};
        Softmin.backward(a, 0, new float[] {1, 2, 3}, 0, 3, dz, 0);
        assertArrayEquals(new float[3], dz, 0f);
    }

    @Test
    void backwardMatchesFiniteDifferencesAndIsZeroAtPadding() {
        float[] z = {0.3f, -0.2f, 0.9f, 0.1f};
        float[] mask = {1, 1, 0, 1};
        float[] g = {0.5f, -1.5f, 4f, 2f};  // objective Σ g_k a_k
        float[] a = new float[4];
        Softmin.weights(z, 0, mask, 0, 4, a, 0);
        float[] dz = new float[4];
        Softmin.backward(a, 0, g, 0, 4, dz, 0);
        for (int k = 0; k < 4; k++) {
            double h = 1e-3;
            float[] plus = z.clone();
            float[] minus = z.clone();
            plus[k] += (float) h;
            minus[k] -= (float) h;
            float[] ap = new float[4];
            float[] am = new float[4];
            Softmin.weights(plus, 0, mask, 0, 4, ap, 0);
            Softmin.weights(minus, 0, mask, 0, 4, am, 0);
            double numeric = 0;
            for (int j = 0; j < 4; j++) {
                numeric += g[j] * (ap[j] - am[j]) / (plus[k] - minus[k]);
            }
            assertEquals(numeric, dz[k], 1e-3, "position " + k);
        }
        assertEquals(0f, dz[2], 0f);
    }
}
