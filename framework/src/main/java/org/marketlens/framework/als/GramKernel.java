package org.marketlens.framework.als;

import java.util.Arrays;

/**
 * Accumulates one row's weighted Gram matrix {@code Σ_e w_e y_e y_eᵀ} (upper triangle, float) and right-hand side
 * {@code Σ_e c_e y_e} (double) of the ridge systems in {@link BatchedRidge} (Eq. 4.5–4.7). Four factor rows are
 * taken per pass, so each load and store of the Gram matrix carries four multiply-adds and the inner loop is a
 * contiguous update the JIT vectorises. Holds per-worker scratch space; not thread-safe.
 */
final class GramKernel {
    private final int k;
    /** Upper triangle (j ≥ i) of the row-major k × k Gram sum; the lower part stays 0. */
    private final float[] gram;
    private final double[] rhs;

    GramKernel(int k) {
        this.k = k;
        this.gram = new float[k * k];
        this.rhs = new double[k];
    }

    void reset() {
        Arrays.fill(gram, 0f);
        Arrays.fill(rhs, 0);
    }

    /**
     * Adds entries {@code from..to} of one term: factor row {@code columns[e]} with Gram weight {@code weights[e]}
     * (or {@code uniform} for every entry when {@code weights} is null) and right-hand-side coefficient
     * {@code coefficients[e]}.
     */
    void add(float[] y, int[] columns, float[] weights, float uniform, float[] coefficients, int from, int to) {
        int e = from;
        for (; e + 4 <= to; e += 4) {
            int o0 = columns[e] * k;
            int o1 = columns[e + 1] * k;
            int o2 = columns[e + 2] * k;
            int o3 = columns[e + 3] * k;
            float w0 = weights == null ? uniform : weights[e];
            float w1 = weights == null ? uniform : weights[e + 1];
            float w2 = weights == null ? uniform : weights[e + 2];
            float w3 = weights == null ? uniform : weights[e + 3];
            for (int i = 0; i < k; i++) {
                float a0 = w0 * y[o0 + i];
                float a1 = w1 * y[o1 + i];
                float a2 = w2 * y[o2 + i];
                float a3 = w3 * y[o3 + i];
                int row = i * k;
                for (int j = i; j < k; j++) {
                    gram[row + j] += a0 * y[o0 + j] + a1 * y[o1 + j] + a2 * y[o2 + j] + a3 * y[o3 + j];
                }
            }
            addRhs(y, o0, coefficients[e]);
            addRhs(y, o1, coefficients[e + 1]);
            addRhs(y, o2, coefficients[e + 2]);
            addRhs(y, o3, coefficients[e + 3]);
        }
        for (; e < to; e++) {
            int o0 = columns[e] * k;
            float w0 = weights == null ? uniform : weights[e];
            for (int i = 0; i < k; i++) {
                float a0 = w0 * y[o0 + i];
                int row = i * k;
                for (int j = i; j < k; j++) {
                    gram[row + j] += a0 * y[o0 + j];
                }
            }
            addRhs(y, o0, coefficients[e]);
        }
    }

    private void addRhs(float[] y, int offset, float coefficient) {
        for (int d = 0; d < k; d++) {
            rhs[d] += coefficient * y[offset + d];
        }
    }

    /** Writes the upper triangle of {@code base + gram} into {@code out} (the part {@link Cholesky} reads). */
    void upperPlus(double[] base, double[] out) {
        for (int i = 0; i < k; i++) {
            int row = i * k;
            for (int j = i; j < k; j++) {
                out[row + j] = base[row + j] + gram[row + j];
            }
        }
    }

    /** @return the accumulated right-hand side (live scratch; the solver overwrites it with the solution) */
    double[] rhs() {
        return rhs;
    }
}
