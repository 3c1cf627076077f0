package org.marketlens.framework.delivery.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Ordinary least squares with an unpenalised intercept, by modified Gram–Schmidt on centred columns. A column
 * that is (numerically) a linear combination of earlier ones is dropped (coefficient 0), so perfectly collinear
 * inputs give R² = 1 instead of failing; this is what VIF (MODELS.md §1.6) needs.
 */
public final class LeastSquares {
    private static final double TOLERANCE = 1e-9;

    private LeastSquares() {
    }

    /**
     * A fitted OLS model.
     *
     * @param intercept intercept
     * @param coef      one coefficient per column (0 for dropped columns)
     * @param rss       residual sum of squares on the training data
     * @param r2        coefficient of determination (1 when the total sum of squares is 0)
     * @param rank      number of kept columns
     */
    public record Fit(double intercept, double[] coef, double rss, double r2, int rank) {
        /** @return the prediction for one row */
        public double predict(double[] row) {
            double s = intercept;
            for (int j = 0; j < coef.length; j++) {
                s += coef[j] * row[j];
            }
            return s;
        }
    }

    /**
     * @param x rows of features (n × p), p may be 0
     * @param y targets (n)
     * @return the least-squares fit with intercept
     */
    public static Fit fit(double[][] x, double[] y) {
        int n = y.length;
        int p = n == 0 ? 0 : x[0].length;
        double ymean = mean(y);
        double[] means = new double[p];
        double[][] cols = new double[p][n];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                cols[j][i] = x[i][j];
                means[j] += x[i][j];
            }
            means[j] /= Math.max(1, n);
            for (int i = 0; i < n; i++) {
                cols[j][i] -= means[j];
            }
        }
        double[][] q = new double[p][];
        double[][] r = new double[p][p];
        boolean[] kept = new boolean[p];
        int rank = 0;
        for (int j = 0; j < p; j++) {
            double[] v = cols[j].clone();
            double orig = norm(v);
            for (int k = 0; k < j; k++) {
                if (kept[k]) {
                    double d = dot(q[k], v);
                    r[k][j] = d;
                    axpy(-d, q[k], v);
                }
            }
            double nv = norm(v);
            if (orig > 0 && nv > TOLERANCE * orig && nv > 1e-12) {
                kept[j] = true;
                rank++;
                for (int i = 0; i < n; i++) {
                    v[i] /= nv;
                }
                q[j] = v;
                r[j][j] = nv;
            }
        }
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            yc[i] = y[i] - ymean;
        }
        double[] qty = new double[p];
        double[] resid = yc.clone();
        for (int k = 0; k < p; k++) {
            if (kept[k]) {
                qty[k] = dot(q[k], resid);
                axpy(-qty[k], q[k], resid);
            }
        }
        double[] beta = new double[p];
        for (int k = p - 1; k >= 0; k--) {
            if (!kept[k]) {
                continue;
            }
            double s = qty[k];
            for (int j = k + 1; j < p; j++) {
                if (kept[j]) {
                    s -= r[k][j] * beta[j];
                }
            }
            beta[k] = s / r[k][k];
        }
        double intercept = ymean;
        for (int j = 0; j < p; j++) {
            intercept -= beta[j] * means[j];
        }
        double rss = dot(resid, resid);
        double tss = dot(yc, yc);
        double r2 = tss <= 0 ? 1.0 : Math.max(0.0, Math.min(1.0, 1.0 - rss / tss));
        return new Fit(intercept, beta, rss, r2, rank);
    }

    /**
     * The column space of a design matrix (centred columns plus the intercept), orthonormalised once so that the
     * residual sum of squares of many targets costs O(n·rank) each; the Box–Cox λ grid (MODELS.md §1.8) fits 201
     * targets on one design.
     */
    public static final class Basis {
        private final double[][] q;

        private Basis(double[][] q) {
            this.q = q;
        }

        /**
         * @param y targets (n)
         * @return the RSS of the OLS fit with intercept of {@code y} on the design, equal to {@code fit(x, y).rss()}
         */
        public double rss(double[] y) {
            double[] r = new double[y.length];
            double m = mean(y);
            for (int i = 0; i < y.length; i++) {
                r[i] = y[i] - m;
            }
            for (double[] col : q) {
                axpy(-dot(col, r), col, r);
            }
            return dot(r, r);
        }
    }

    /**
     * @param x rows of features (n × p)
     * @return the orthonormal basis of the centred, non-collinear columns
     */
    public static Basis basis(double[][] x) {
        int n = x.length;
        int p = n == 0 ? 0 : x[0].length;
        List<double[]> q = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double[] v = new double[n];
            double mu = 0;
            for (int i = 0; i < n; i++) {
                v[i] = x[i][j];
                mu += v[i];
            }
            mu /= Math.max(1, n);
            for (int i = 0; i < n; i++) {
                v[i] -= mu;
            }
            double orig = norm(v);
            for (double[] b : q) {
                axpy(-dot(b, v), b, v);
            }
            double nv = norm(v);
            if (orig > 0 && nv > TOLERANCE * orig && nv > 1e-12) {
                for (int i = 0; i < n; i++) {
                    v[i] /= nv;
                }
                q.add(v);
            }
        }
        return new Basis(q.toArray(new double[0][]));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return v.length == 0 ? 0 : s / v.length;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }
}
