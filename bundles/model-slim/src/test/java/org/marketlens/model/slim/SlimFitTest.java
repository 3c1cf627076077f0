package org.marketlens.model.slim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.cooccurrence.SparseRows;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.testing.FixedTrainingContext;

class SlimFitTest {
    /** Users 0..3 with items {0,1}, {0,1,2}, {1,2}, {0}: G00 = 3, G11 = 3, G22 = 2, G01 = 2, G02 = 1, G12 = 2. */
    private static final SparseRows TINY = SparseRows.ofSets(3, new int[][] {{0, 1}, {0, 1, 2}, {1, 2}, {0}});

    @Test
    void matchesTheHandDerivedSolution() {
        // λ1 = 0.5, λ2 = 1. Stationarity of a positive w_k: (G_kk + λ2) w_k + Σ_{l≠k} G_kl w_l = G_jk − λ1/2.
        // Column 1 (k = 0, 2): 4 w0 + w2 = 1.75, w0 + 3 w2 = 1.75 → w0 = 7/22, w2 = 21/44 (both > 0).
        // Column 0 (k = 1, 2): 4 w1 + 2 w2 = 1.75, 2 w1 + 3 w2 = 0.75 gives w2 = −1/16 < 0, so w2 = 0 and
        //   w1 = 1.75 / 4 = 7/16; KKT for w2: 2(G21 w1 − G20) + λ1 = 2(7/8 − 1) + 0.5 = 0.25 ≥ 0.
        // Column 2 (k = 0, 1) likewise: w0 = 0, w1 = 7/16 (KKT for w0: 0.25 ≥ 0).
        SparseRows w = SlimFit.fit(TINY, 0.5, 1, 0, 10_000, 1e-12).weights();
        double[][] expected = {{0, 7.0 / 22, 0}, {7.0 / 16, 0, 7.0 / 16}, {0, 21.0 / 44, 0}};
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(expected[k][j], w.get(k, j), 1e-6, "W[" + k + "][" + j + "]");
            }
        }
    }

    @Test
    void scoresAreTheRowsOfAW() {
        SlimFit fit = SlimFit.fit(TINY, 0.5, 1, 0, 10_000, 1e-12);
        SlimModel model = new SlimModel(fit.users(), fit.weights());
        // user 0 has items 0 and 1: (AW)[0, j] = W[0][j] + W[1][j] = 7/16, 7/22, 7/16
        assertArrayEquals(new float[] {7f / 16, 7f / 22, 7f / 16}, model.scoreAll(Query.of(0)), 1e-6f);
        // user 3 has item 0 only
        assertArrayEquals(new float[] {7f / 22}, model.score(Query.of(3), new int[] {1}), 1e-6f);
        // an unknown user is scored from the query's context items (item 2: W[2][1] = 21/44)
        assertArrayEquals(new float[] {0, 21f / 44, 0},
                model.scoreAll(new Query(99, InteractionData.NO_GROUP, new int[] {2, 2})), 1e-6f);
    }

    @Test
    void keepsOnlyTheLargestCoefficientsOfAColumn() {
        SparseRows w = SlimFit.fit(TINY, 0.5, 1, 1, 10_000, 1e-12).weights();
        assertEquals(0, w.get(0, 1), "column 1 keeps only its larger weight, W[2][1] = 21/44 > W[0][1] = 7/22");
        assertEquals(21.0 / 44, w.get(2, 1), 1e-6);
        assertEquals(3, w.nonZeros());
    }

    @Test
    void objectiveNeverIncreasesAlongCoordinateUpdates() {
        SparseRows a = random(40, 15, 0.3, 5);
        SparseRows gram = SlimFit.gram(a);
        float[] diagonal = SlimFit.diagonal(a);
        double[][] dense = dense(a);
        int[] position = new int[15];
        Arrays.fill(position, -1);
        int updates = 0;
        for (int j = 0; j < 15; j++) {
            SlimColumnDescent column = new SlimColumnDescent(gram, diagonal, j, 0.8, 2, position);
            double previous = objective(dense, j, column, 0.8, 2);
            double first = previous;
            for (int sweep = 0; sweep < 10; sweep++) {
                for (int p = 0; p < column.size(); p++) {
                    column.updateCoordinate(p);
                    double now = objective(dense, j, column, 0.8, 2);
                    assertTrue(now <= previous + 1e-9 * (1 + Math.abs(previous)),
                            "column " + j + " objective rose from " + previous + " to " + now);
                    previous = now;
                    updates++;
                }
            }
            assertTrue(previous < first, "column " + j + " learned nothing: " + first + " -> " + previous);
            column.release();
        }
        assertTrue(updates > 1000, "updates checked: " + updates);
        assertTrue(Arrays.stream(position).allMatch(p -> p == -1), "release restores the scratch");
    }

    @Test
    void diagonalIsExactlyZeroAndWeightsAreNonNegative() {
        SparseRows a = random(200, 60, 0.15, 9);
        SparseRows w = SlimFit.fit(a, 0.1, 0.5, 0, 200, 1e-6).weights();
        assertTrue(w.nonZeros() > 100, "non-trivial W: " + w.nonZeros());
        for (int k = 0; k < 60; k++) {
            assertEquals(0f, w.get(k, k), "W[" + k + "][" + k + "]");
            for (int e = w.rowStart()[k]; e < w.rowStart()[k + 1]; e++) {
                assertTrue(w.values()[e] > 0, "stored weights are positive");
                assertTrue(w.columns()[e] != k);
            }
        }
    }

    @Test
    void largerL1GivesSparserW() {
        SparseRows a = random(200, 60, 0.15, 11);
        int previous = Integer.MAX_VALUE;
        int first = -1;
        for (double l1 : new double[] {0.01, 1, 4, 16}) {
            int nnz = SlimFit.fit(a, l1, 0.5, 0, 200, 1e-6).weights().nonZeros();
            assertTrue(nnz <= previous, "λ1 " + l1 + " gave " + nnz + " non-zeros, more than " + previous);
            if (first < 0) {
                first = nnz;
            }
            previous = nnz;
        }
        assertTrue(previous < first / 2, "λ1 16 keeps " + previous + " of " + first + " non-zeros");
    }

    @Test
    void providerFitsRecordsAndRoundTrips() throws IOException {
        InteractionsBuilder b = Interactions.builder();
        SplittableRandom r = new SplittableRandom(3);
        for (int u = 0; u < 50; u++) {
            for (int t = 0; t < 8; t++) {
                b.add("u" + u, "i" + r.nextInt(30), Float.NaN, t, -1);
            }
        }
        InteractionData data = b.build();
        FixedTrainingContext ctx = new FixedTrainingContext(1, 1, 1);
        SlimProvider provider = new SlimProvider();
        Recommender model = provider.train(data, Map.of("l1", 0.5, "l2", 1.0), ctx);
        assertTrue(ctx.recorded.containsKey("fitSeconds") && ((Number) ctx.recorded.get("nonZeros")).intValue() > 0,
                "recorded " + ctx.recorded);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        for (int u = 0; u < 50; u += 7) {
            assertArrayEquals(model.scoreAll(Query.of(u)), loaded.scoreAll(Query.of(u)));
        }
        assertThrows(IllegalArgumentException.class, () -> provider.train(data, Map.of("l1", -1.0), ctx));
        assertThrows(IOException.class, () -> provider.load(new ByteArrayInputStream(new byte[] {0, 3, 'a', 'b', 'c'})));
    }

    private static double objective(double[][] a, int j, SlimColumnDescent column, double l1, double l2) {
        double[] w = new double[a[0].length];
        int[] items = column.candidates();
        for (int p = 0; p < items.length; p++) {
            w[items[p]] = column.weights()[p];
        }
        assertEquals(0, w[j]);
        double f = 0;
        for (double[] row : a) {
            double residual = row[j];
            for (int k = 0; k < w.length; k++) {
                residual -= row[k] * w[k];
            }
            f += residual * residual;
        }
        for (double v : w) {
            assertTrue(v >= 0);
            f += l1 * v + l2 * v * v;
        }
        return f;
    }

    private static SparseRows random(int users, int items, double density, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] rows = new int[users][];
        for (int user = 0; user < users; user++) {
            int u = user;
            // Items of the first half co-occur more often, so W has structure.
            rows[user] = java.util.stream.IntStream.range(0, items)
                    .filter(i -> r.nextDouble() < (i < items / 2 && u % 2 == 0 ? 2 * density : density)).toArray();
        }
        return SparseRows.ofSets(items, rows);
    }

    private static double[][] dense(SparseRows a) {
        double[][] out = new double[a.rows()][a.cols()];
        for (int u = 0; u < a.rows(); u++) {
            for (int e = a.rowStart()[u]; e < a.rowStart()[u + 1]; e++) {
                out[u][a.columns()[e]] = a.values()[e];
            }
        }
        return out;
    }
}
