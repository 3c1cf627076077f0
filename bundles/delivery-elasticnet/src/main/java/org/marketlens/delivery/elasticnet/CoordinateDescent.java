package org.marketlens.delivery.elasticnet;

/**
 * Elastic net of Eq. 3.2 by cyclic coordinate descent on standardised columns (glmnet parametrisation, A-16):
 * minimise {@code (1/2N) Σ (t_i − θ0 − Σ θ_j x_ij)² + λ (α ||θ||₁ + (1−α)/2 ||θ||²)} with an unpenalised intercept.
 */
final class CoordinateDescent {
    private CoordinateDescent() {
    }

    /**
     * @param x     standardised columns x[j][i] (mean 0, mean square 1)
     * @param t     centred target
     * @param alpha mixing
     * @param lam   penalty
     * @param beta  starting coefficients, updated in place (warm start)
     */
    static void fit(double[][] x, double[] t, double alpha, double lam, double[] beta) {
        int n = t.length;
        double[] r = t.clone();
        for (int j = 0; j < beta.length; j++) {
            if (beta[j] != 0) {
                for (int i = 0; i < n; i++) {
                    r[i] -= beta[j] * x[j][i];
                }
            }
        }
        for (int it = 0; it < 1000; it++) {
            double maxChange = 0;
            for (int j = 0; j < beta.length; j++) {
                double rho = 0;
                for (int i = 0; i < n; i++) {
                    rho += x[j][i] * r[i];
                }
                rho = rho / n + beta[j];
                double nb = Math.signum(rho) * Math.max(0, Math.abs(rho) - lam * alpha) / (1 + lam * (1 - alpha));
                double d = nb - beta[j];
                if (d != 0) {
                    for (int i = 0; i < n; i++) {
                        r[i] -= d * x[j][i];
                    }
                    beta[j] = nb;
                    maxChange = Math.max(maxChange, Math.abs(d));
                }
            }
            if (maxChange < 1e-6) {
                break;
            }
        }
    }

    /** @return the smallest λ with all coefficients 0 for this α */
    static double lambdaMax(double[][] x, double[] t, double alpha) {
        double m = 0;
        for (double[] col : x) {
            double s = 0;
            for (int i = 0; i < t.length; i++) {
                s += col[i] * t[i];
            }
            m = Math.max(m, Math.abs(s) / t.length);
        }
        return m / Math.max(alpha, 1e-3);
    }
}
