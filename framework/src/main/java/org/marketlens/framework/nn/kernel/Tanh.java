package org.marketlens.framework.nn.kernel;

/**
 * The hyperbolic tangent of the kernels' hidden layers (SDP's tower, Eq. 5.1; SDM's f, Eq. 5.7–5.9) and its
 * derivative written through the activation, {@code f'(x) = 1 − tanh(x)²}. Computed as
 * {@code sign(x) · (1 − e) / (1 + e)} with {@code e = exp(−2|x|)} in double (a series below |x| = 0.001): one {@link Math#exp} (a HotSpot intrinsic)
 * instead of {@link Math#tanh} (fdlibm), no overflow for any x, within one float ulp of libnd4j's tanh.
 */
public final class Tanh {
    private Tanh() {
    }

    /** @return {@code tanh(x)} */
    public static float of(float x) {
        if (Math.abs(x) < 1e-3f) {
            // 1 − e cancels for tiny |x|: the series x − x³/3 + 2x⁵/15 is exact to double precision here.
            double x2 = (double) x * x;
            return (float) (x * (1 - x2 / 3 + 2 * x2 * x2 / 15));
        }
        double e = Math.exp(-2.0 * Math.abs(x));
        double t = (1.0 - e) / (1.0 + e);
        return (float) (x < 0 ? -t : t);
    }

    /** Replaces {@code x[i]} by {@code tanh(x[i])} for {@code i} in {@code [from, to)}. */
    public static void apply(float[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            x[i] = of(x[i]);
        }
    }

    /**
     * {@code g[i] *= 1 − y[yFrom + i − from]²} for {@code i} in {@code [from, to)}: back through a tanh whose outputs
     * are {@code y}.
     */
    public static void backward(float[] y, int yFrom, float[] g, int from, int to) {
        if (yFrom == from) {
            // One index expression for both arrays, so JDK 17's C2 vectorises the loop (the kernels' case).
            for (int i = from; i < to; i++) {
                g[i] *= 1f - y[i] * y[i];
            }
            return;
        }
        int shift = yFrom - from;
        for (int i = from; i < to; i++) {
            float t = y[i + shift];
            g[i] *= 1f - t * t;
        }
    }
}
