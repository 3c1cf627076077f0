package org.marketlens.framework.nn.kernel;

/**
 * The rectifier {@code max(x, 0)} of the kernels' hidden layers (NeuMF's MLP tower, He et al. Eq. 10; CMN's hops
 * and output layer, MODELS.md §4.7) and its derivative written through the activation: {@code 1} where the output
 * is positive, {@code 0} elsewhere (ND4J's {@code relu} with cutoff 0 passes no gradient at exactly 0 either).
 * Branch-free loops over contiguous ranges, which HotSpot's C2 compiles to SIMD.
 */
public final class Relu {
    private Relu() {
    }

    /** Replaces {@code x[i]} by {@code max(x[i], 0)} for {@code i} in {@code [from, to)}. */
    public static void apply(float[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            float v = x[i];
            x[i] = v > 0f ? v : 0f;
        }
    }

    /**
     * {@code g[i] = 0} where {@code y[yFrom + i − from] ≤ 0}, for {@code i} in {@code [from, to)}: back through a
     * rectifier whose outputs are {@code y}.
     */
    public static void backward(float[] y, int yFrom, float[] g, int from, int to) {
        int shift = yFrom - from;
        if (shift == 0) {
            for (int i = from; i < to; i++) {
                g[i] = y[i] > 0f ? g[i] : 0f;
            }
            return;
        }
        for (int i = from; i < to; i++) {
            g[i] = y[i + shift] > 0f ? g[i] : 0f;
        }
    }
}
