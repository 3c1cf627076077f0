package org.marketlens.framework.stats;

/**
 * Pearson's correlation coefficient of paired observations, accumulated in one pass with Welford's updates of the
 * means and the co-moment (numerically stable for many pairs); used for the attention-versus-PMI analysis of
 * Figure 5.6 (MODELS.md §4.9). Not thread-safe.
 */
public final class PearsonCorrelation {
    private long n;
    private double meanX;
    private double meanY;
    private double sxx;
    private double syy;
    private double sxy;

    /**
     * Adds one pair.
     *
     * @param x first value, finite
     * @param y second value, finite
     * @return this accumulator
     * @throws IllegalArgumentException for a non-finite value
     */
    public PearsonCorrelation add(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("Pearson correlation needs finite values, got (" + x + ", " + y + ")");
        }
        n++;
        double dx = x - meanX;
        meanX += dx / n;
        double dy = y - meanY;
        meanY += dy / n;
        sxx += dx * (x - meanX);
        syy += dy * (y - meanY);
        sxy += dx * (y - meanY);
        return this;
    }

    /** @return the number of pairs added */
    public long count() {
        return n;
    }

    /** @return the coefficient in [−1, 1], or NaN with fewer than two pairs or a constant variable */
    public double value() {
        if (n < 2 || sxx <= 0 || syy <= 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /**
     * @param x first values
     * @param y second values, as many as {@code x}
     * @return the coefficient of the pairs {@code (x[i], y[i])}
     */
    public static double of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        PearsonCorrelation r = new PearsonCorrelation();
        for (int i = 0; i < x.length; i++) {
            r.add(x[i], y[i]);
        }
        return r.value();
    }
}
