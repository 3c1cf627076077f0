package org.marketlens.model.slim;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.cooccurrence.CooccurrenceCounts;
import org.marketlens.framework.cooccurrence.SparseRows;

/**
 * Fits every column of SLIM's W (MODELS.md §4.7) by {@link SlimColumnDescent}: the columns are independent problems,
 * so they run in parallel on the common fork-join pool, each with its own position scratch. Each column keeps its
 * {@code keep} largest coefficients (ties: lower item first; 0 keeps every non-zero), so W is sparse even with a
 * small λ1.
 *
 * @param users   the binary user × item matrix A (distinct training items per user)
 * @param weights W by source item: row k holds {@code W[k, j] > 0} for the targets j (so a user's score of j sums
 *                row entries over the user's items); zero diagonal, non-negative
 * @param sweeps  coordinate-descent sweeps of each column
 */
record SlimFit(SparseRows users, SparseRows weights, int[] sweeps) {

    /**
     * @param train     training interactions
     * @param l1        λ1 ≥ 0
     * @param l2        λ2 ≥ 0
     * @param keep      coefficients kept per column (0 = all non-zeros)
     * @param maxSweeps sweep cap per column
     * @param tolerance relative change that ends a column's sweeps
     * @return the fitted weights
     */
    static SlimFit fit(InteractionData train, double l1, double l2, int keep, int maxSweeps, double tolerance) {
        int[][] items = new int[train.numUsers()][];
        for (int u = 0; u < items.length; u++) {
            items[u] = train.itemsOf(u);
        }
        return fit(SparseRows.ofSets(train.numItems(), items), l1, l2, keep, maxSweeps, tolerance);
    }

    /** @see #fit(InteractionData, double, double, int, int, double) */
    static SlimFit fit(SparseRows users, double l1, double l2, int keep, int maxSweeps, double tolerance) {
        if (!(l1 >= 0) || !(l2 >= 0) || keep < 0 || maxSweeps < 1 || !(tolerance >= 0)) {
            throw new IllegalArgumentException("SLIM needs l1 >= 0, l2 >= 0, keep >= 0, maxSweeps >= 1, tolerance >= 0;"
                    + " got " + l1 + ", " + l2 + ", " + keep + ", " + maxSweeps + ", " + tolerance);
        }
        int n = users.cols();
        SparseRows gram = gram(users);
        float[] diagonal = diagonal(users);
        int[][] cols = new int[n][];
        float[][] values = new float[n][];
        int[] sweeps = new int[n];
        ThreadLocal<int[]> scratch = ThreadLocal.withInitial(() -> {
            int[] position = new int[n];
            Arrays.fill(position, -1);
            return position;
        });
        IntStream.range(0, n).parallel().forEach(j -> {
            SlimColumnDescent column = new SlimColumnDescent(gram, diagonal, j, l1, l2, scratch.get());
            sweeps[j] = column.solve(maxSweeps, tolerance);
            column.release();
            long[] kept = strongest(column.candidates(), column.weights(), keep);
            cols[j] = new int[kept.length];
            values[j] = new float[kept.length];
            for (int p = 0; p < kept.length; p++) {
                cols[j][p] = (int) (kept[p] >>> 32);
                values[j][p] = Float.intBitsToFloat((int) kept[p]);
            }
        });
        return new SlimFit(users, byColumn(n, cols, values).transpose(), sweeps);
    }

    /** @return the off-diagonal part of {@code G = AᵀA}: co-occurrence counts of item pairs, zero diagonal */
    static SparseRows gram(SparseRows users) {
        return CooccurrenceCounts.of(users, 0, 0);
    }

    /** @return the diagonal of {@code G = AᵀA}: the number of users of each item */
    static float[] diagonal(SparseRows users) {
        SparseRows byItem = users.transpose();
        float[] diagonal = new float[users.cols()];
        for (int k = 0; k < diagonal.length; k++) {
            diagonal[k] = byItem.rowSize(k);
        }
        return diagonal;
    }

    /**
     * @return the {@code keep} largest positive weights (all when {@code keep} is 0) as {@code item << 32 | floatBits},
     *         ascending by item
     */
    static long[] strongest(int[] items, double[] weights, int keep) {
        Integer[] order = IntStream.range(0, items.length).filter(p -> (float) weights[p] > 0).boxed()
                .toArray(Integer[]::new);
        // Stable sort by weight descending keeps the lower item first among equal weights (items are ascending).
        Arrays.sort(order, (a, b) -> Double.compare(weights[b], weights[a]));
        int size = keep == 0 ? order.length : Math.min(keep, order.length);
        long[] out = new long[size];
        for (int p = 0; p < size; p++) {
            out[p] = ((long) items[order[p]] << 32) | (Float.floatToIntBits((float) weights[order[p]]) & 0xffffffffL);
        }
        Arrays.sort(out);
        return out;
    }

    /** @return rows = target columns j of W, entries = source items k */
    private static SparseRows byColumn(int n, int[][] cols, float[][] values) {
        int[] start = new int[n + 1];
        for (int j = 0; j < n; j++) {
            start[j + 1] = start[j] + cols[j].length;
        }
        int[] allCols = new int[start[n]];
        float[] allValues = new float[start[n]];
        for (int j = 0; j < n; j++) {
            System.arraycopy(cols[j], 0, allCols, start[j], cols[j].length);
            System.arraycopy(values[j], 0, allValues, start[j], values[j].length);
        }
        return new SparseRows(n, n, start, allCols, allValues);
    }
}
