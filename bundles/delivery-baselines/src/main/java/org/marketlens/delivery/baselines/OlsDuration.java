package org.marketlens.delivery.baselines;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.marketlens.api.delivery.DeliveryPredictor;
import org.marketlens.api.delivery.DeliveryTarget;
import org.marketlens.api.delivery.FeatureMatrix;
import org.marketlens.api.delivery.FittedPredictor;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.delivery.stats.LeastSquares;
import org.osgi.service.component.annotations.Component;

/**
 * Regression baseline of MODELS.md §1.8 (Kim et al.): plain multiple linear regression of the duration in days on
 * the given features, no transforms; missing values are imputed with 0 (§1.4.2 [ASSUMPTION]).
 */
@Component(service = DeliveryPredictor.class, property = {PluginProperties.NAME + "=" + OlsDuration.NAME,
    DeliveryPredictor.TARGET + "=DURATION"})
public final class OlsDuration implements DeliveryPredictor {
    static final String NAME = "ols";

    @Override
    public DeliveryTarget target() {
        return DeliveryTarget.DURATION;
    }

    @Override
    public FittedPredictor fit(FeatureMatrix x, double[] y, long seed) {
        LeastSquares.Fit fit = LeastSquares.fit(imputed(x.rows()), y);
        return new Linear(x.names(), fit.intercept(), fit.coef());
    }

    @Override
    public FittedPredictor load(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int n = d.readInt();
        List<String> names = new ArrayList<>();
        double[] coef = new double[n];
        for (int j = 0; j < n; j++) {
            names.add(d.readUTF());
            coef[j] = d.readDouble();
        }
        return new Linear(names, d.readDouble(), coef);
    }

    static double[][] imputed(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                if (Double.isNaN(out[i][j])) {
                    out[i][j] = 0;
                }
            }
        }
        return out;
    }

    private record Linear(List<String> featureNames, double intercept, double[] coef) implements FittedPredictor {
        @Override
        public double[] predict(FeatureMatrix x) {
            double[][] rows = imputed(x.select(featureNames).rows());
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = intercept;
                for (int j = 0; j < coef.length; j++) {
                    out[i] += coef[j] * rows[i][j];
                }
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
            d.flush();
        }
    }
}
