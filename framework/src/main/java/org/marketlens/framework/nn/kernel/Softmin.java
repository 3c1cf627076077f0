package org.marketlens.framework.nn.kernel;

/**
 * Masked metric attention on float arrays, the kernel form of
 * {@link org.marketlens.framework.nn.layers.MaskedSoftmin}: {@code a_k = exp(−z_k) / Σ_{p valid} exp(−z_p)}
 * (Eq. 5.10, 5.16) over one row of {@code s} positions, padded positions ({@code mask = 0}) at weight exactly 0 and
 * absent from the denominator, a row without a valid position giving all-zero weights (MODELS.md §0.4). The
 * exponent is shifted by the smallest valid distance, as the graph does, so the largest weight is {@code exp(0)}.
 */
public final class Softmin {
    private Softmin() {
    }

    /**
     * @param z     distances, row {@code z[zAt .. zAt + s)}
     * @param mask  the row's mask {@code mask[maskAt .. maskAt + s)}: non-zero = valid
     * @param s     positions in the row
     * @param a     receives the weights {@code a[aAt .. aAt + s)}
     */
    public static void weights(float[] z, int zAt, float[] mask, int maskAt, int s, float[] a, int aAt) {
        float min = Float.POSITIVE_INFINITY;
        for (int k = 0; k < s; k++) {
            if (mask[maskAt + k] != 0f && z[zAt + k] < min) {
                min = z[zAt + k];
            }
        }
        float sum = 0f;
        for (int k = 0; k < s; k++) {
            float w = mask[maskAt + k] != 0f ? (float) Math.exp(min - z[zAt + k]) * mask[maskAt + k] : 0f;
            a[aAt + k] = w;
            sum += w;
        }
        if (sum == 0f) {
            return;  // all padding: a stays all zero, as the graph's division by (0 + 1)
        }
        float inverse = 1f / sum;
        for (int k = 0; k < s; k++) {
            a[aAt + k] *= inverse;
        }
    }

    /**
     * The vector-Jacobian product of one row: {@code dz_k = −a_k (da_k − Σ_j a_j da_j)}, zero at padded positions
     * and for an all-padding row (their weights are 0 whatever z is).
     *
     * @param a   the row's weights from {@link #weights}, {@code a[aAt .. aAt + s)}
     * @param da  the gradient of the weights, {@code da[daAt .. daAt + s)}
     * @param s   positions in the row
     * @param dz  receives (overwrites) the gradient of the distances, {@code dz[dzAt .. dzAt + s)}
     */
    public static void backward(float[] a, int aAt, float[] da, int daAt, int s, float[] dz, int dzAt) {
        float mean = 0f;
        for (int k = 0; k < s; k++) {
            mean += a[aAt + k] * da[daAt + k];
        }
        for (int k = 0; k < s; k++) {
            dz[dzAt + k] = -a[aAt + k] * (da[daAt + k] - mean);
        }
    }
}
