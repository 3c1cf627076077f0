package org.marketlens.framework.nn.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tanh against {@link Math#tanh} over its whole range, and its backward pass. */
class TanhTest {
    @Test
    void agreesWithMathTanhToFloatPrecisionWithoutOverflow() {
        for (double x = -60; x <= 60; x += 0.000137) {
            float expected = (float) Math.tanh((float) x);
            assertEquals(expected, Tanh.of((float) x), Math.ulp(expected) + 1e-30f, "x = " + x);
        }
        assertEquals(1f, Tanh.of(Float.MAX_VALUE));
        assertEquals(-1f, Tanh.of(-Float.MAX_VALUE));
        assertEquals(1e-20f, Tanh.of(1e-20f), 1e-30f);
        assertEquals((float) Math.tanh(9.9e-4), Tanh.of(9.9e-4f), 1e-10f);
    }

    @Test
    void applyAndBackwardWorkOnTheirRanges() {
        float[] x = {9, 0.5f, -1f, 9};
        Tanh.apply(x, 1, 3);
        assertArrayEquals(new float[] {9, (float) Math.tanh(0.5), (float) Math.tanh(-1), 9}, x, 1e-7f);
        float[] g = {1, 2, 3, 4};
        Tanh.backward(x, 1, g, 2, 4);  // g[2] uses y = x[1], g[3] uses y = x[2]
        double t1 = Math.tanh(0.5);
        double t2 = Math.tanh(-1);
        assertArrayEquals(new float[] {1, 2, (float) (3 * (1 - t1 * t1)), (float) (4 * (1 - t2 * t2))}, g, 1e-6f);
        float[] same = {1, 2, 3, 4};
        Tanh.backward(x, 1, same, 1, 3);  // aligned ranges: g[1] uses y = x[1], g[2] uses y = x[2]
        assertArrayEquals(new float[] {1, (float) (2 * (1 - t1 * t1)), (float) (3 * (1 - t2 * t2)), 4}, same, 1e-6f);
    }
}
