package org.marketlens.delivery.elasticnet;

import org.marketlens.framework.delivery.stats.LeastSquares;

/**
 * Box–Cox target transform of MODELS.md §1.8: {@code bc(y; λ) = (y^λ − 1)/λ} (ln y at λ = 0); λ maximises
 * the profile log-likelihood {@code −(N/2) ln RSS(z(λ))} of an OLS of the geometric-mean-normalised transform
 * {@code z = (y^λ − 1)/(λ G^(λ−1))} ({@code G ln y} at λ = 0) on the features, over a grid on [−1, 1].
 */
final class BoxCox {
    private BoxCox() {
    }

    static double transform(double y, double lambda) {
        return Math.abs(lambda) < 1e-12 ? Math.log(y) : (Math.pow(y, lambda) - 1) / lambda;
    }

    /** Back-transform {@code (λ t + 1)^(1/λ)}, clipping {@code λ t + 1} at 1e-6. */
    static double inverse(double t, double lambda) {
        return Math.abs(lambda) < 1e-12 ? Math.exp(t) : Math.pow(Math.max(1e-6, lambda * t + 1), 1 / lambda);
    }

    /**
     * @param x    features (n × p)
     * @param y    positive targets
     * @param step grid step (0.01 in §1.8)
     * @return the λ in [−1, 1] with the largest profile log-likelihood
     */
    static double chooseLambda(double[][] x, double[] y, double step) {
        double logG = 0;
        for (double v : y) {
            logG += Math.log(v);
        }
        logG /= y.length;
        double g = Math.exp(logG);
        double best = 0;
        double bestLl = Double.NEGATIVE_INFINITY;
        int steps = (int) Math.round(2 / step);
        LeastSquares.Basis basis = LeastSquares.basis(x);
        for (int s = 0; s <= steps; s++) {
            double lambda = -1 + s * step;
            double[] z = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                z[i] = Math.abs(lambda) < 1e-12 ? g * Math.log(y[i])
                        : (Math.pow(y[i], lambda) - 1) / (lambda * Math.pow(g, lambda - 1));
            }
            double ll = -(y.length / 2.0) * Math.log(basis.rss(z));
            if (ll > bestLl) {
                bestLl = ll;
                best = lambda;
            }
        }
        return best;
    }
}
