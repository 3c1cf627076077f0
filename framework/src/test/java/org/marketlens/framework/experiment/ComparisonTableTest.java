package org.marketlens.framework.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.eval.EvaluationResult;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {
    private static EvaluationResult result(double... hits) {
        return new EvaluationResult("p", List.of("HIT@1"), new int[hits.length], Map.of("HIT@1", hits));
    }

    @Test
    void reportsMeanStandardErrorAndImprovementOverBestBaseline() {
        Map<String, EvaluationResult> results = new LinkedHashMap<>();
        results.put("Pop", result(0, 0, 1, 0));       // mean 0.25
        results.put("KNN", result(0, 1, 1, 0));       // mean 0.5, the best baseline
        results.put("Ours", result(1, 1, 1, 0));      // mean 0.75
        ComparisonTable table = new ComparisonTable(results, List.of("Pop", "KNN"));
        ComparisonTable.Cell ours = table.rows().get("Ours").get("HIT@1");
        assertEquals(0.75, ours.mean(), 1e-12);
        // sample sd of (1,1,1,0) = 0.5, s.e. = 0.5 / sqrt(4)
        assertEquals(0.25, ours.stderr(), 1e-12);
        assertEquals(0.5, ours.improvement(), 1e-12);
        // differences to KNN: (1,0,0,0): mean 0.25, sd 0.5, t = 1, df 3 -> two-sided p = 0.391
        assertEquals(0.391, ours.tTestP(), 1e-3);
        assertTrue(Double.isNaN(table.rows().get("KNN").get("HIT@1").improvement()), "baselines get no improvement");
        assertTrue(table.markdown().contains("| Ours | 0.7500 ± 0.2500 (+50.0%"), table.markdown());
    }

    @Test
    void wilcoxonIgnoresTiedCasesOnBinaryMetrics() {
        double[] a = new double[400];
        double[] b = new double[400];
        for (int i = 0; i < 400; i++) {
            a[i] = i % 2;
            b[i] = i % 2;
        }
        a[0] = 1; // one case differs: (1 vs 0); the 399 ties carry no evidence
        b[1] = 0;
        a[1] = 1;
        Map<String, EvaluationResult> results = new LinkedHashMap<>();
        results.put("A", result(b));
        results.put("B", result(a));
        double p = new ComparisonTable(results, List.of("A")).rows().get("B").get("HIT@1").wilcoxonP();
        // one non-zero pair is no evidence: the exact test gives p >= 0.5
        assertTrue(p >= 0.5, "p = " + p);
    }

    @Test
    void identicalModelsAreNotSignificant() {
        Map<String, EvaluationResult> results = new LinkedHashMap<>();
        results.put("A", result(0, 1, 1, 0, 1));
        results.put("B", result(0, 1, 1, 0, 1));
        ComparisonTable.Cell b = new ComparisonTable(results, List.of("A")).rows().get("B").get("HIT@1");
        assertEquals(1.0, b.tTestP());
        assertEquals(1.0, b.wilcoxonP());
    }

    @Test
    void wilcoxonIsExactUpToTwentyPairsAndApproximateAbove() {
        // Every difference positive and distinct: the exact two-sided p is 2 / 2^n.
        assertEquals(2.0 / 1024, allBetter(10), 1e-12, "n = 10: exact");
        assertEquals(2.0 / (1 << 20), allBetter(20), 1e-12, "n = 20: exact");
        double p25 = allBetter(25);
        assertTrue(p25 > 1e-6 && p25 < 1e-4, "n = 25: normal approximation (exact would be 6e-8), p = " + p25);
    }

    private static double allBetter(int n) {
        double[] base = new double[n];
        double[] better = new double[n];
        for (int i = 0; i < n; i++) {
            better[i] = i + 1;
        }
        Map<String, EvaluationResult> results = new LinkedHashMap<>();
        results.put("A", result(base));
        results.put("B", result(better));
        return new ComparisonTable(results, List.of("A")).rows().get("B").get("HIT@1").wilcoxonP();
    }
}
