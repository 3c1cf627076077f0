package org.marketlens.framework.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marketlens.framework.cooccurrence.SparseRows;

class BatchedRidgeTest {
    @Test
    void solvesEveryRowLikeADirectSolve() {
        int k = 5;
        int n = 7;
        SplittableRandom random = new SplittableRandom(3);
        float[] factors = new float[n * k];
        for (int i = 0; i < factors.length; i++) {
            factors[i] = (float) random.nextGaussian();
        }
        SparseRows entries = SparseRows.ofSets(n, new int[][] {{0, 2, 5}, {}, {1, 2, 3, 4, 6}, {6}});
        float[] gram = new float[entries.nonZeros()];
        float[] rhs = new float[entries.nonZeros()];
        for (int e = 0; e < gram.length; e++) {
            gram[e] = 0.5f + e;
            rhs[e] = 1f - 0.3f * e;
        }
        double[] base = new double[k * k];
        for (int i = 0; i < k; i++) {
            base[i * k + i] = 0.7;
        }
        base[1] = base[k] = 0.2;
        float[] out = new BatchedRidge(k, 2).solve(4, base, List.of(new RidgeTerm(factors, entries, gram, rhs)));
        for (int r = 0; r < 4; r++) {
            double[][] a = new double[k][k];
            double[] b = new double[k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    a[i][j] = base[i * k + j];
                }
            }
            for (int e = entries.rowStart()[r]; e < entries.rowStart()[r + 1]; e++) {
                int p = entries.columns()[e] * k;
                for (int i = 0; i < k; i++) {
                    b[i] += rhs[e] * factors[p + i];
                    for (int j = 0; j < k; j++) {
                        a[i][j] += gram[e] * factors[p + i] * factors[p + j];
                    }
                }
            }
            // Residual of the batched solution in the naive system.
            for (int i = 0; i < k; i++) {
                double s = -b[i];
                for (int j = 0; j < k; j++) {
                    s += a[i][j] * out[r * k + j];
                }
                assertEquals(0, s, 1e-4, "row " + r + " equation " + i);
            }
        }
        assertArrayEquals(new float[k], java.util.Arrays.copyOfRange(out, k, 2 * k), "a row without entries gets 0");
    }

    @Test
    void choleskySolvesAHandExample() {
        // [[4, 2], [2, 3]] x = [2, 1] → x = [0.5, 0].
        double[] x = Cholesky.solveInPlace(new double[] {4, 2, 2, 3}, new double[] {2, 1}, 2);
        assertEquals(0.5, x[0], 1e-12);
        assertEquals(0.0, x[1], 1e-12);
    }

    @Test
    void twoTermsOnOneRowEqualTheirMergedTerm() {
        int k = 6;
        int n = 12;
        SplittableRandom random = new SplittableRandom(5);
        float[] factors = new float[n * k];
        for (int i = 0; i < factors.length; i++) {
            factors[i] = (float) random.nextGaussian();
        }
        // Row 0 has 5 + 4 entries split over two terms (a block of four plus a remainder, then one block of four).
        SparseRows first = SparseRows.ofSets(n, new int[][] {{0, 1, 2, 3, 4}, {5}});
        SparseRows second = SparseRows.ofSets(n, new int[][] {{6, 7, 8, 9}, {}});
        SparseRows merged = SparseRows.ofSets(n, new int[][] {{0, 1, 2, 3, 4, 6, 7, 8, 9}, {5}});
        float[] gram = new float[merged.nonZeros()];
        float[] rhs = new float[merged.nonZeros()];
        for (int e = 0; e < gram.length; e++) {
            gram[e] = 0.25f * (e + 1);
            rhs[e] = 2f - 0.5f * e;
        }
        // merged order: row 0 = 0,1,2,3,4,6,7,8,9 then row 1 = 5.
        float[] g1 = {gram[0], gram[1], gram[2], gram[3], gram[4], gram[9]};
        float[] r1 = {rhs[0], rhs[1], rhs[2], rhs[3], rhs[4], rhs[9]};
        float[] g2 = {gram[5], gram[6], gram[7], gram[8]};
        float[] r2 = {rhs[5], rhs[6], rhs[7], rhs[8]};
        double[] base = new double[k * k];
        for (int i = 0; i < k; i++) {
            base[i * k + i] = 0.5;
        }
        BatchedRidge ridge = new BatchedRidge(k, 2);
        float[] split = ridge.solve(2, base, List.of(new RidgeTerm(factors, first, g1, r1),
                new RidgeTerm(factors, second, g2, r2)));
        float[] whole = ridge.solve(2, base, List.of(new RidgeTerm(factors, merged, gram, rhs)));
        assertArrayEquals(whole, split, 1e-5f);
    }

    @Test
    void uniformWeightTermSolvesLikeTheSameWeightPerEntry() {
        int k = 3;
        int n = 7;
        float[] factors = new float[n * k];
        for (int i = 0; i < factors.length; i++) {
            factors[i] = (float) Math.sin(1.7 * i + 0.3);
        }
        // Row 0: a block of four plus two remainders; row 1: one entry; row 2: none (solution 0).
        SparseRows entries = SparseRows.ofSets(n, new int[][] {{0, 1, 2, 4, 5, 6}, {3}, {}});
        float[] rhs = new float[entries.nonZeros()];
        for (int e = 0; e < rhs.length; e++) {
            rhs[e] = 1.5f - 0.4f * e;
        }
        float[] perEntry = new float[entries.nonZeros()];
        java.util.Arrays.fill(perEntry, 2.5f);
        double[] base = {0.7, 0, 0, 0, 0.7, 0, 0, 0, 0.7};
        BatchedRidge ridge = new BatchedRidge(k, 2);
        float[] uniform = ridge.solve(3, base, List.of(RidgeTerm.uniform(factors, entries, 2.5f, rhs)));
        float[] explicit = ridge.solve(3, base, List.of(new RidgeTerm(factors, entries, perEntry, rhs)));
        assertArrayEquals(explicit, uniform, 0f);
        assertEquals(0f, uniform[6]);
        assertNotEquals(0f, uniform[0]);
    }
}
