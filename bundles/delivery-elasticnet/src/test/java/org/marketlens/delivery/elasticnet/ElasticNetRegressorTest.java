package org.marketlens.delivery.elasticnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketlens.api.delivery.Feature;
import org.marketlens.api.delivery.FeatureMatrix;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.framework.delivery.DeliveryMetrics;

class ElasticNetRegressorTest {
    @Test
    void boxCoxRecoversAKnownLambda() {
        for (double lambda : new double[] {-0.5, 0.0, 0.3, 0.8}) {
            Random r = new Random(42);
            int n = 800;
            double[][] x = new double[n][2];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i][0] = r.nextDouble();
                x[i][1] = r.nextDouble();
                // t = bc(y; λ) is linear in x with Gaussian noise; keep λt + 1 well above 0
                double t = 1.0 + 0.6 * x[i][0] - 0.4 * x[i][1] + 0.05 * r.nextGaussian();
                y[i] = BoxCox.inverse(t, lambda);
            }
            assertEquals(lambda, BoxCox.chooseLambda(x, y, 0.01), 0.1, "λ = " + lambda);
        }
    }

    @Test
    void transformAndInverseAgree() {
        for (double l : new double[] {-1, -0.3, 0, 0.11, 1}) {
            assertEquals(123.4, BoxCox.inverse(BoxCox.transform(123.4, l), l), 1e-9);
        }
    }

    @Test
    void regressorBeatsTheMeanOnALogLinearDuration() {
        Random r = new Random(7);
        int n = 300;
        double[][] rows = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            rows[i][0] = Math.exp(r.nextGaussian() + 3);
            rows[i][1] = Math.exp(r.nextGaussian());
            rows[i][2] = r.nextDouble();
            y[i] = Math.exp(1 + 0.8 * Math.log1p(rows[i][0]) + 0.1 * r.nextGaussian());
        }
        FeatureMatrix x = new FeatureMatrix(List.of(new Feature("a", "t", TimePoint.TP1, false),
                new Feature("b", "t", TimePoint.TP1, false), new Feature("c", "t", TimePoint.TP1, false)), rows);
        double[] pred = new ElasticNetRegressor().fit(x, y, 1).predict(x);
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        double[] flat = new double[n];
        java.util.Arrays.fill(flat, mean / n);
        double rmse = DeliveryMetrics.rmse(pred, y);
        assertTrue(rmse < 0.3 * DeliveryMetrics.rmse(flat, y), "rmse " + rmse);
    }
}
