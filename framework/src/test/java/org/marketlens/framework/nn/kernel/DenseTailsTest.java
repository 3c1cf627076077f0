package org.marketlens.framework.nn.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Dense's operations process four rows or columns per pass: every size from 1 to 9 (so every remainder) and row
 * ranges not starting at 0, against the textbook formulas, including all-zero groups, which they skip.
 */
class DenseTailsTest {
    @Test
    void everyRemainderMatchesTheDefinitions() {
        SplittableRandom random = new SplittableRandom(11);
        for (int in = 1; in <= 9; in++) {
            for (int out = 1; out <= 9; out++) {
                for (int rows = 1; rows <= 9; rows++) {
                    check(random, in, out, rows);
                }
            }
        }
    }

    private static void check(SplittableRandom random, int in, int out, int rows) {
        int ld = in + 3;
        int wCol0 = 2;
        int xStride = in + 2;
        int xCol0 = 1;
        int yStride = out + 1;
        int from = rows > 2 ? 1 : 0;
        float[] w = randoms(out * ld, random);
        float[] x = randoms(rows * xStride, random);
        float[] dy = randoms(rows * yStride, random);
        if (rows > 1 && out >= 4) {
            java.util.Arrays.fill(dy, (rows - 1) * yStride, (rows - 1) * yStride + 4, 0f); // a zero group
        }
        float[] wT = Dense.transposeBlock(w, out, ld, wCol0, in);
        float[] y = randoms(rows * yStride, random);
        float[] dx = randoms(rows * xStride, random);
        float[] dw = randoms(out * ld, random);
        float[] expectedY = y.clone();
        float[] expectedDx = dx.clone();
        float[] expectedDw = dw.clone();
        for (int r = from; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double g = dy[r * yStride + o];
                double sum = 0;
                for (int i = 0; i < in; i++) {
                    sum += (double) x[r * xStride + xCol0 + i] * w[o * ld + wCol0 + i];
                    expectedDx[r * xStride + xCol0 + i] += (float) (g * w[o * ld + wCol0 + i]);
                    expectedDw[o * ld + wCol0 + i] += (float) (g * x[r * xStride + xCol0 + i]);
                }
                expectedY[r * yStride + o] += (float) sum;
            }
        }
        Dense.multiplyAdd(x, xStride, xCol0, wT, in, out, y, yStride, 0, from, rows);
        Dense.backwardInput(dy, yStride, 0, w, ld, wCol0, in, out, dx, xStride, xCol0, from, rows);
        Dense.backwardWeights(dy, yStride, 0, x, xStride, xCol0, in, out, dw, ld, wCol0, from, rows);
        String at = "in " + in + ", out " + out + ", rows " + rows;
        assertArrayEquals(expectedY, y, 1e-5f, "multiplyAdd, " + at);
        assertArrayEquals(expectedDx, dx, 1e-5f, "backwardInput, " + at);
        assertArrayEquals(expectedDw, dw, 1e-5f, "backwardWeights, " + at);
    }

    private static float[] randoms(int n, SplittableRandom random) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return out;
    }
}
