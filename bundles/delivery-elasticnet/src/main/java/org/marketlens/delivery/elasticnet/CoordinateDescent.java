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
        double scale = 0;
        for (double v : t) {
            scale += v * v;
        }
        // converged when no coefficient moves by more than 1e-5 of the target's root mean square
        double tol = 1e-5 * Math.max(1e-12, Math.sqrt(scale / Math.max(1, n)));
        for (int j = 0; j < beta.length; j++) {
            if (beta[j] != 0) {
                for (int i = 0; i < n; i++) {
                    r[i] -= beta[j] * x[j][i];
                }
            }
        }
        // glmnet's active-set strategy: full sweeps find the non-zero set, cheap sweeps over it converge, and a
        // last full sweep confirms that nothing outside it wants to enter
        boolean[] active = new boolean[beta.length];
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double full = sweep(x, r, alpha, lam, beta, null, active);
            if (full < tol) {
                return;
            }
            for (int inner = 0; inner < MAX_SWEEPS; inner++) {
                if (sweep(x, r, alpha, lam, beta, active, active) < tol) {
                    break;
                }
            }
        }
    }

    private static final int MAX_SWEEPS = 500;

    /** One cyclic pass over the columns (all, or those flagged in {@code only}); @return largest change. */
    private static double sweep(double[][] x, double[] r, double alpha, double lam, double[] beta, boolean[] only,
            boolean[] active) {
        int n = r.length;
        double maxChange = 0;
        for (int j = 0; j < beta.length; j++) {
            if (only != null && !only[j]) {
                continue;
            }
            double rho = 0;
            double[] col = x[j];
            for (int i = 0; i < n; i++) {
                rho += col[i] * r[i];
            }
            rho = rho / n + beta[j];
            double nb = Math.signum(rho) * Math.max(0, Math.abs(rho) - lam * alpha) / (1 + lam * (1 - alpha));
            double d = nb - beta[j];
            if (d != 0) {
                for (int i = 0; i < n; i++) {
                    r[i] -= d * col[i];
                }
                beta[j] = nb;
                maxChange = Math.max(maxChange, Math.abs(d));
            }
            if (nb != 0) {
                active[j] = true;
            }
        }
        return maxChange;
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
