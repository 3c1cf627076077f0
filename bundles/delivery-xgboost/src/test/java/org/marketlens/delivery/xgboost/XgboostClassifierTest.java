package org.marketlens.delivery.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketlens.api.delivery.Feature;
import org.marketlens.api.delivery.FeatureMatrix;
import org.marketlens.api.delivery.FittedPredictor;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.framework.delivery.DeliveryMetrics;

class XgboostClassifierTest {
    private static FeatureMatrix data(int n, long seed, double[] y) {
        Random r = new Random(seed);
        double[][] rows = new double[n][3];
        for (int i = 0; i < n; i++) {
            rows[i][0] = r.nextGaussian();
            rows[i][1] = r.nextGaussian();
            rows[i][2] = i % 7 == 0 ? Double.NaN : r.nextGaussian();
            y[i] = rows[i][0] - 0.5 * rows[i][1] > 0 ? 1 : 0;
        }
        List<Feature> f = new ArrayList<>();
        for (String s : List.of("a", "b", "noise")) {
            f.add(new Feature(s, "test", TimePoint.TP1, false));
        }
        return new FeatureMatrix(f, rows);
    }

    @Test
    void learnsALinearRuleWithMissingValuesAndRoundTrips() throws Exception {
        double[] ytr = new double[400];
        double[] yte = new double[200];
        FeatureMatrix tr = data(400, 1, ytr);
        FeatureMatrix te = data(200, 2, yte);
        FittedPredictor m = new XgboostClassifier(3, 0.3, 50).fit(tr, ytr, 7);
        double acc = DeliveryMetrics.accuracy(m.predict(te), yte);
        assertTrue(acc > 0.85, "accuracy " + acc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.save(out);
        FittedPredictor back = new XgboostClassifier().load(new ByteArrayInputStream(out.toByteArray()));
        assertArrayEquals(m.predict(te), back.predict(te), 1e-7);
    }
}
