package org.marketlens.delivery.elasticnet;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.marketlens.api.delivery.DeliveryPredictor;
import org.marketlens.api.delivery.DeliveryTarget;
import org.marketlens.api.delivery.FeatureMatrix;
import org.marketlens.api.delivery.FittedPredictor;
import org.marketlens.api.rec.PluginProperties;
import org.osgi.service.component.annotations.Component;

/**
 * The delivery-duration regressor of MODELS.md §1.8: features {@code ln(1 + x)} (sign-preserving, NaN → 0),
 * Box–Cox target with λ chosen by the geometric-mean-normalised profile likelihood, elastic net (Eq. 3.2)
 * on standardised features with (α, λ) chosen by 5-fold inner CV over α ∈ {0.1, 0.5, 0.9} and a 20-value
 * log-spaced path (A-16, path shortened from 50), predictions transformed back to days.
 */
@Component(service = DeliveryPredictor.class, property = {PluginProperties.NAME + "=" + ElasticNetRegressor.NAME,
    DeliveryPredictor.TARGET + "=DURATION"})
public final class ElasticNetRegressor implements DeliveryPredictor {
    static final String NAME = "elastic-net";
    private static final double[] ALPHAS = {0.1, 0.5, 0.9};
    private static final int PATH = 20;
    private static final int INNER_FOLDS = 5;

    @Override
    public DeliveryTarget target() {
        return DeliveryTarget.DURATION;
    }

    @Override
    public FittedPredictor fit(FeatureMatrix x, double[] y, long seed) {
        int n = x.numRows();
        int p = x.numColumns();
        double[][] z = logFeatures(x.rows());
        double lambdaBc = BoxCox.chooseLambda(z, y, 0.01);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = BoxCox.transform(y[i], lambdaBc);
        }
        double[] mean = new double[p];
        double[] scale = new double[p];
        double[][] cols = standardise(z, mean, scale);
        double tMean = 0;
        for (double v : t) {
            tMean += v;
        }
        tMean /= n;
        double[] tc = new double[n];
        for (int i = 0; i < n; i++) {
            tc[i] = t[i] - tMean;
        }
        // inner CV for (alpha, lambda)
        int[] fold = new int[n];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            fold[i] = rnd.nextInt(INNER_FOLDS);
        }
        double bestErr = Double.POSITIVE_INFINITY;
        double bestAlpha = 0.5;
        double bestLam = 0;
        for (double alpha : ALPHAS) {
            double lmax = CoordinateDescent.lambdaMax(cols, tc, alpha);
            double[] lams = new double[PATH];
            for (int k = 0; k < PATH; k++) {
                lams[k] = lmax * Math.pow(1e-3, k / (double) (PATH - 1));
            }
            double[] err = new double[PATH];
            for (int f = 0; f < INNER_FOLDS; f++) {
                double[][] trCols = subset(cols, fold, f, false);
                double[] trT = subset(tc, fold, f, false);
                double[][] teCols = subset(cols, fold, f, true);
                double[] teT = subset(tc, fold, f, true);
                double off = 0;
                for (double v : trT) {
                    off += v;
                }
                off /= Math.max(1, trT.length);
                for (int i = 0; i < trT.length; i++) {
                    trT[i] -= off;
                }
                double[] beta = new double[p];
                for (int k = 0; k < PATH; k++) {
                    CoordinateDescent.fit(trCols, trT, alpha, lams[k], beta);
                    for (int i = 0; i < teT.length; i++) {
                        double s = off;
                        for (int j = 0; j < p; j++) {
                            s += beta[j] * teCols[j][i];
                        }
                        err[k] += (s - teT[i]) * (s - teT[i]);
                    }
                }
            }
            for (int k = 0; k < PATH; k++) {
                if (err[k] < bestErr) {
                    bestErr = err[k];
                    bestAlpha = alpha;
                    bestLam = lams[k];
                }
            }
        }
        double[] beta = new double[p];
        CoordinateDescent.fit(cols, tc, bestAlpha, bestLam, beta);
        double[] coef = new double[p];
        double intercept = tMean;
        for (int j = 0; j < p; j++) {
            coef[j] = scale[j] == 0 ? 0 : beta[j] / scale[j];
            intercept -= coef[j] * mean[j];
        }
        return new Model(x.names(), intercept, coef, lambdaBc);
    }

    @Override
    public FittedPredictor load(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int p = d.readInt();
        List<String> names = new ArrayList<>();
        double[] coef = new double[p];
        for (int j = 0; j < p; j++) {
            names.add(d.readUTF());
            coef[j] = d.readDouble();
        }
        double intercept = d.readDouble();
        return new Model(names, intercept, coef, d.readDouble());
    }

    static double[][] logFeatures(double[][] rows) {
        double[][] z = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            z[i] = new double[rows[i].length];
            for (int j = 0; j < z[i].length; j++) {
                double v = rows[i][j];
                z[i][j] = Double.isNaN(v) ? 0 : Math.signum(v) * Math.log1p(Math.abs(v));
            }
        }
        return z;
    }

    private static double[][] standardise(double[][] z, double[] mean, double[] scale) {
        int n = z.length;
        int p = mean.length;
        double[][] cols = new double[p][n];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                mean[j] += z[i][j];
            }
            mean[j] /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += (z[i][j] - mean[j]) * (z[i][j] - mean[j]);
            }
            scale[j] = Math.sqrt(ss / n);
            for (int i = 0; i < n; i++) {
                cols[j][i] = scale[j] == 0 ? 0 : (z[i][j] - mean[j]) / scale[j];
            }
        }
        return cols;
    }

    private static double[][] subset(double[][] cols, int[] fold, int f, boolean test) {
        double[][] out = new double[cols.length][];
        for (int j = 0; j < cols.length; j++) {
            out[j] = subset(cols[j], fold, f, test);
        }
        return out;
    }

    private static double[] subset(double[] v, int[] fold, int f, boolean test) {
        int n = 0;
        for (int x : fold) {
            n += (x == f) == test ? 1 : 0;
        }
        double[] out = new double[n];
        int c = 0;
        for (int i = 0; i < v.length; i++) {
            if ((fold[i] == f) == test) {
                out[c++] = v[i];
            }
        }
        return out;
    }

    private record Model(List<String> featureNames, double intercept, double[] coef, double lambda)
            implements FittedPredictor {
        @Override
        public double[] predict(FeatureMatrix x) {
            double[][] z = logFeatures(x.select(featureNames).rows());
            double[] out = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                double t = intercept;
                for (int j = 0; j < coef.length; j++) {
                    t += coef[j] * z[i][j];
                }
                out[i] = BoxCox.inverse(t, lambda);
            }
            return out;
        }

        @Override
        public void save(OutputStream out) throws IOException {
            DataOutputStream d = new DataOutputStream(out);
            d.writeInt(coef.length);
            for (int j = 0; j < coef.length; j++) {
                d.writeUTF(featureNames.get(j));
                d.writeDouble(coef[j]);
            }
            d.writeDouble(intercept);
            d.writeDouble(lambda);
            d.flush();
        }
    }
}
