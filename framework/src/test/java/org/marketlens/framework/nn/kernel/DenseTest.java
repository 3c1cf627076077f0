package org.marketlens.framework.nn.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Dense's block operations against the textbook formulas on small hand-made and random matrices. */
class DenseTest {
    @Test
    void multiplyAddAppliesTheBlockOfColumnsToEachRow() {
        // W = [[1, 2, 3], [4, 5, 6]] (out 2, ld 3); block = columns 1..2 = [[2, 3], [5, 6]].
        float[] w = {1, 2, 3, 4, 5, 6};
        float[] wT = Dense.transposeBlock(w, 2, 3, 1, 2);
        assertArrayEquals(new float[] {2, 5, 3, 6}, wT);
        // x rows (stride 3, columns from 1): row 0 = [1, 1], row 1 = [2, -1].
        float[] x = {9, 1, 1, 9, 2, -1};
        float[] y = new float[2 * 4];
        Dense.fillRows(new float[] {10, 20}, 2, y, 4, 1, 0, 2);
        Dense.multiplyAdd(x, 3, 1, wT, 2, 2, y, 4, 1, 0, 2);
        // row 0: [10 + 2 + 3, 20 + 5 + 6]; row 1: [10 + 4 − 3, 20 + 10 − 6]
        assertArrayEquals(new float[] {0, 15, 31, 0, 0, 11, 24, 0}, y);
    }

    @Test
    void gradientsMatchTheirDefinitionsOnRandomBlocks() {
        SplittableRandom random = new SplittableRandom(7);
        int rows = 5;
        int out = 3;
        int ld = 7;
        int wCol0 = 2;
        int in = 4;
        int xStride = 6;
        int xCol0 = 1;
        int dyStride = 5;
        int dyCol0 = 2;
        float[] w = randoms(out * ld, random);
        float[] x = randoms(rows * xStride, random);
        float[] dy = randoms(rows * dyStride, random);
        float[] dx = new float[rows * xStride];
        float[] dw = new float[out * ld];
        float[] db = new float[out];
        Dense.backwardInput(dy, dyStride, dyCol0, w, ld, wCol0, in, out, dx, xStride, xCol0, 1, rows);
        Dense.backwardWeights(dy, dyStride, dyCol0, x, xStride, xCol0, in, out, dw, ld, wCol0, 1, rows);
        Dense.backwardBias(dy, dyStride, dyCol0, out, db, 1, rows);
        float[] expectedDx = new float[rows * xStride];
        float[] expectedDw = new float[out * ld];
        float[] expectedDb = new float[out];
        for (int r = 1; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double g = dy[r * dyStride + dyCol0 + o];
                expectedDb[o] += (float) g;
                for (int i = 0; i < in; i++) {
                    expectedDx[r * xStride + xCol0 + i] += (float) (g * w[o * ld + wCol0 + i]);
                    expectedDw[o * ld + wCol0 + i] += (float) (g * x[r * xStride + xCol0 + i]);
                }
            }
        }
        assertArrayEquals(expectedDx, dx, 1e-5f);
        assertArrayEquals(expectedDw, dw, 1e-5f);
        assertArrayEquals(expectedDb, db, 1e-5f);
    }

    private static float[] randoms(int n, SplittableRandom random) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return out;
    }
}
