package org.marketlens.delivery.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlens.api.delivery.Feature;
import org.marketlens.api.delivery.FeatureMatrix;
import org.marketlens.api.delivery.TimePoint;

class BaselinesTest {
    private static final FeatureMatrix X = new FeatureMatrix(List.of(new Feature("a", "t", TimePoint.TP1, false)),
            new double[][] {{1}, {2}, {3}, {Double.NaN}});

    @Test
    void majorityPredictsTheTrainingMajority() {
        assertArrayEquals(new double[] {1, 1, 1, 1}, new MajorityClass().fit(X, new double[] {1, 1, 0, 1}, 0).predict(X));
        assertArrayEquals(new double[] {0, 0, 0, 0}, new MajorityClass().fit(X, new double[] {0, 1, 0, 0}, 0).predict(X));
    }

    @Test
    void olsFitsALineAndImputesZero() {
        // y = 10 + 5a on the three complete rows; the NaN row is imputed as a = 0 → y = 10 fits exactly
        double[] p = new OlsDuration().fit(X, new double[] {15, 20, 25, 10}, 0).predict(X);
        assertArrayEquals(new double[] {15, 20, 25, 10}, p, 1e-9);
    }

    @Test
    void kimHasSixFeatureKindsBeforeTp3AndEightFrom() {
        var ps = List.<org.marketlens.api.delivery.Project>of();
        assertEquals(5, new KimFeatures().fit(ps, TimePoint.TP2, 0).features().size());
        assertEquals(7, new KimFeatures().fit(ps, TimePoint.TP4, 0).features().size());
    }
}
