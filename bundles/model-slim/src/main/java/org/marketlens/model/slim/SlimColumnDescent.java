package org.marketlens.model.slim;

import org.marketlens.framework.cooccurrence.SparseRows;

/**
 * Cyclic coordinate descent for one column {@code w = W[:, j]} of SLIM (MODELS.md §4.7; Ning and Karypis, ICDM 2011):
 * <pre>
 *   min_w  ||a_j − A w||² + λ1 Σ_k w_k + λ2 Σ_k w_k²   subject to  w ≥ 0,  w_j = 0
 * </pre>
 * ({@code |w_k| = w_k} under the constraint). It works on the Gram matrix {@code G = AᵀA} only: with
 * {@code r_k = Σ_{l≠k} G_kl w_l}, the exact minimiser over {@code w_k} with the others fixed is
 * {@code w_k = max(0, (G_jk − r_k − λ1/2) / (G_kk + λ2))}, so the objective never increases. Only items that
 * co-occur with j ({@code G_jk > 0}) are candidates: for any other k, {@code G_jk − r_k ≤ 0} (G ≥ 0, w ≥ 0), so
 * {@code w_k} stays 0. Changing {@code w_k} by δ adds {@code δ·G_kl} to {@code r_l} along row k of G.
 *
 * <p>Not thread-safe; {@link SlimFit} gives each column its own instance and its own position scratch array.
 */
final class SlimColumnDescent {
    private final SparseRows gram;
    private final float[] diagonal;
    private final double l1;
    private final double l2;
    /** Candidate items k (ascending), the non-zeros of row j of G. */
    private final int[] candidates;
    /** {@code G_jk} of each candidate. */
    private final float[] target;
    /** Current weight of each candidate (≥ 0). */
    private final double[] weights;
    /** {@code r_k = Σ_{l≠k} G_kl w_l} of each candidate. */
    private final double[] cross;
    /** Item → index in {@link #candidates}, −1 elsewhere; filled here, restored by {@link #release()}. */
    private final int[] position;

    /**
     * @param gram     off-diagonal Gram matrix {@code G = AᵀA} (zero diagonal, symmetric, positive entries stored)
     * @param diagonal {@code G_kk}: interactions of each item
     * @param column   j
     * @param l1       λ1 ≥ 0
     * @param l2       λ2 ≥ 0
     * @param position scratch of length numItems, all −1
     */
    SlimColumnDescent(SparseRows gram, float[] diagonal, int column, double l1, double l2, int[] position) {
        this.gram = gram;
        this.diagonal = diagonal;
        this.l1 = l1;
        this.l2 = l2;
        int from = gram.rowStart()[column];
        int to = gram.rowStart()[column + 1];
        this.candidates = java.util.Arrays.copyOfRange(gram.columns(), from, to);
        this.target = java.util.Arrays.copyOfRange(gram.values(), from, to);
        this.weights = new double[candidates.length];
        this.cross = new double[candidates.length];
        this.position = position;
        for (int p = 0; p < candidates.length; p++) {
            position[candidates[p]] = p;
        }
    }

    /** @return number of candidate coefficients */
    int size() {
        return candidates.length;
    }

    /**
     * Minimises the objective exactly over the p-th candidate with the others fixed.
     *
     * @return the absolute change of that weight
     */
    double updateCoordinate(int p) {
        int k = candidates[p];
        double denominator = diagonal[k] + l2;
        double next = denominator > 0 ? Math.max(0, (target[p] - cross[p] - l1 / 2) / denominator) : 0;
        double delta = next - weights[p];
        if (delta != 0) {
            weights[p] = next;
            int[] cols = gram.columns();
            float[] values = gram.values();
            for (int e = gram.rowStart()[k]; e < gram.rowStart()[k + 1]; e++) {
                int at = position[cols[e]];
                if (at >= 0) {
                    cross[at] += delta * values[e];
                }
            }
        }
        return Math.abs(delta);
    }

    /**
     * Sweeps until the largest change of a sweep is at most {@code tolerance} times the largest weight.
     *
     * @return the number of sweeps run
     */
    int solve(int maxSweeps, double tolerance) {
        for (int sweep = 1; sweep <= maxSweeps; sweep++) {
            double change = 0;
            double largest = 0;
            for (int p = 0; p < candidates.length; p++) {
                change = Math.max(change, updateCoordinate(p));
                largest = Math.max(largest, weights[p]);
            }
            if (change <= tolerance * largest) {
                return sweep;
            }
        }
        return maxSweeps;
    }

    /** @return the candidate items, ascending */
    int[] candidates() {
        return candidates;
    }

    /** @return the current weights of the candidates (live array) */
    double[] weights() {
        return weights;
    }

    /** Restores the position scratch to all −1 for the next column. */
    void release() {
        for (int k : candidates) {
            position[k] = -1;
        }
    }
}
