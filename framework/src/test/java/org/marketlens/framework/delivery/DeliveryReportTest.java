package org.marketlens.framework.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.framework.delivery.DeliveryExperiment.FoldScores;
import org.marketlens.framework.delivery.DeliveryExperiment.Results;

class DeliveryReportTest {
    /**
     * Two repetitions of 10 folds. Ours: 0.80 in every fold of repetition 1, 0.70 in repetition 2, so the mean is
     * 75.00% and the sd of the two repetition means is 0.0707. Kim: ours wins all 10 folds of repetition 1 (exact
     * one-sided Wilcoxon p = 1/1024) and loses the fold with the smallest difference in repetition 2 (W+ = 54,
     * p = 2/1024 = 0.001953); the report gives the larger one.
     */
    @Test
    void repeatedCrossValidationReportsTheSpreadOfRepetitionMeansAndTheLargestPerRepetitionP() {
        double[] ours = new double[20];
        double[] kim = new double[20];
        double[] majority = new double[20];
        for (int i = 0; i < 10; i++) {
            ours[i] = 0.80;
            ours[10 + i] = 0.70;
            kim[i] = 0.80 - 0.01 * (i + 1);
            kim[10 + i] = i == 0 ? 0.71 : 0.70 - 0.01 * (i + 1);
            majority[i] = 0.5;
            majority[10 + i] = 0.5;
        }
        Map<String, Map<TimePoint, FoldScores>> acc = new LinkedHashMap<>();
        acc.put(DeliveryExperiment.MAJORITY, tp1(majority));
        acc.put(DeliveryExperiment.KIM, tp1(kim));
        acc.put(DeliveryExperiment.OURS, tp1(ours));
        Map<TimePoint, Map<String, Double>> top = new EnumMap<>(TimePoint.class);
        top.put(TimePoint.TP1, Map.of());
        String md = DeliveryReport.markdown("t", new Results(100, 0.5, acc, Map.of(), top, Map.of(), 0, 2));
        assertTrue(md.contains("| " + DeliveryExperiment.OURS + " | 75.00% ± 7.07 |"), md);
        assertTrue(md.contains("| p (Wilcoxon, ours > Baseline 2, largest of 2 repetitions) | 0.001953 |"), md);
        assertTrue(md.contains("| p (Wilcoxon, ours > Baseline 1, largest of 2 repetitions) | 0.0009766 |"), md);
    }

    @Test
    void oneRepetitionKeepsTheSdOverFolds() {
        double[] ours = {0.7, 0.8, 0.7, 0.8, 0.7, 0.8, 0.7, 0.8, 0.7, 0.8};
        double[] base = new double[10];
        java.util.Arrays.fill(base, 0.5);
        Map<String, Map<TimePoint, FoldScores>> acc = new LinkedHashMap<>();
        acc.put(DeliveryExperiment.MAJORITY, tp1(base));
        acc.put(DeliveryExperiment.KIM, tp1(base));
        acc.put(DeliveryExperiment.OURS, tp1(ours));
        Map<TimePoint, Map<String, Double>> top = new EnumMap<>(TimePoint.class);
        top.put(TimePoint.TP1, Map.of());
        String md = DeliveryReport.markdown("t", new Results(100, 0.5, acc, Map.of(), top, Map.of(), 0));
        // sd of five 0.7 and five 0.8 with n - 1 = 9: sqrt(10 * 0.0025 / 9) = 0.0527
        assertTrue(md.contains("| " + DeliveryExperiment.OURS + " | 75.00% ± 5.27 |"), md);
        assertTrue(md.contains("| p (Wilcoxon, ours > Baseline 2) |"), md);
    }

    private static Map<TimePoint, FoldScores> tp1(double[] v) {
        Map<TimePoint, FoldScores> m = new EnumMap<>(TimePoint.class);
        m.put(TimePoint.TP1, new FoldScores(v));
        return m;
    }
}
