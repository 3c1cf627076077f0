package org.marketlens.framework.nn.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ReluTest {
    @Test
    void applyClipsOnlyTheRangeAtZero() {
        float[] x = {-1f, -0.5f, 0f, 2f, -3f, 4f};
        Relu.apply(x, 1, 5);
        assertArrayEquals(new float[] {-1f, 0f, 0f, 2f, 0f, 4f}, x);
    }

    @Test
    void backwardPassesGradientOnlyWherePositive() {
        float[] y = {0f, 1.5f, 0f, 0.25f};
        float[] g = {7f, 2f, 3f, -4f};
        Relu.backward(y, 0, g, 0, 4);
        // the output 0 (input <= 0, including exactly 0) passes nothing
        assertArrayEquals(new float[] {0f, 2f, 0f, -4f}, g);
        float[] h = {9f, 1f, 1f, 1f, 1f};
        Relu.backward(y, 0, h, 1, 5);
        assertArrayEquals(new float[] {9f, 0f, 1f, 0f, 1f}, h);
    }
}
