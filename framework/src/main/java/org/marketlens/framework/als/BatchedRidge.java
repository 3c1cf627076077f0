package org.marketlens.framework.als;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Solves many independent k × k ridge systems {@code (base + Σ_terms Σ_e gram_e y_e y_eᵀ) x_r = Σ_terms Σ_e rhs_e y_e},
 * one per output row: the shape of every block update of Eq. 4.5–4.7 (MODELS.md §2.6). Rows are sorted by their
 * number of entries and cut into batches; for a batch the scaled factor rows {@code sqrt(gram_e)·y_e} are gathered
 * into a zero-padded tensor G [B, L, k] and all Gram matrices come from one ND4J batched product Gᵀ G [B, k, k].
 * Each system is then solved exactly by a Cholesky factorisation in double precision in Java: libnd4j 1.0.0-M1.1's
 * {@code cholesky} op rejects valid SPD float matrices at k = 100 and its batched LU {@code solve} took ≈ 5 ms per
 * 100 × 100 system here, slower than the Gram products themselves. Batches run on {@code threads} workers.
 */
public final class BatchedRidge {
    /** Largest B·L gathered at once (G holds B·L·k floats). */
    private static final int GATHER_BUDGET = 1 << 15;
    private static final int MAX_BATCH = 2048;
    private final int k;
    private final int threads;

    /**
     * @param k       latent dimension
     * @param threads parallel batch workers (≥ 1)
     */
    public BatchedRidge(int k, int threads) {
        if (k < 1 || threads < 1) {
            throw new IllegalArgumentException("k and threads must be >= 1");
        }
        this.k = k;
        this.threads = threads;
    }

    /**
     * @param rows  number of output rows
     * @param base  the k × k part shared by every row (e.g. {@code l·PᵀP + λI}), row-major; must make every system
     *              positive definite
     * @param terms the sparse terms, each with {@code rows} entry rows
     * @return the solutions, row-major [rows, k]; a row without entries gets 0 (its right-hand side is 0)
     */
    public float[] solve(int rows, double[] base, List<RidgeTerm> terms) {
        for (RidgeTerm t : terms) {
            if (t.entries().rows() != rows) {
                throw new IllegalArgumentException("term has " + t.entries().rows() + " rows, expected " + rows);
            }
        }
        int[] length = new int[rows];
        for (RidgeTerm t : terms) {
            for (int r = 0; r < rows; r++) {
                length[r] += t.entries().rowSize(r);
            }
        }
        Integer[] boxed = IntStream.range(0, rows).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> Integer.compare(length[b], length[a]));
        int[] order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        List<int[]> batches = new ArrayList<>();
        int at = 0;
        while (at < rows && length[order[at]] > 0) {
            int width = length[order[at]];
            int size = Math.max(1, Math.min(MAX_BATCH, GATHER_BUDGET / width));
            int end = Math.min(rows, at + size);
            batches.add(Arrays.copyOfRange(order, at, end));
            at = end;
        }
        float[] out = new float[rows * k];
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> batches.parallelStream().forEach(b -> solveBatch(b, length, base, terms, out))).join();
        } finally {
            pool.shutdown();
        }
        return out;
    }

    private void solveBatch(int[] batch, int[] length, double[] base, List<RidgeTerm> terms, float[] out) {
        int width = 0;
        for (int r : batch) {
            width = Math.max(width, length[r]);
        }
        int count = batch.length;
        float[] gathered = new float[count * width * k];
        double[][] rhs = new double[count][k];
        for (int b = 0; b < count; b++) {
            int r = batch[b];
            int slot = b * width;
            for (RidgeTerm t : terms) {
                float[] y = t.factors();
                int[] start = t.entries().rowStart();
                int[] cols = t.entries().columns();
                for (int e = start[r]; e < start[r + 1]; e++) {
                    int j = cols[e] * k;
                    float scale = (float) Math.sqrt(t.gram()[e]);
                    double coef = t.rhs()[e];
                    int g = slot * k;
                    double[] h = rhs[b];
                    for (int d = 0; d < k; d++) {
                        gathered[g + d] = scale * y[j + d];
                        h[d] += coef * y[j + d];
                    }
                    slot++;
                }
            }
        }
        INDArray g = Nd4j.create(gathered, new long[] {count, width, k}, DataType.FLOAT);
        float[] grams = Nd4j.matmul(g, g, true, false, false).dup('c').data().asFloat();
        double[] a = new double[k * k];
        for (int b = 0; b < count; b++) {
            int offset = b * k * k;
            for (int i = 0; i < k * k; i++) {
                a[i] = base[i] + grams[offset + i];
            }
            double[] x = Cholesky.solveInPlace(a, rhs[b], k);
            int o = batch[b] * k;
            for (int d = 0; d < k; d++) {
                out[o + d] = (float) x[d];
            }
        }
    }
}
