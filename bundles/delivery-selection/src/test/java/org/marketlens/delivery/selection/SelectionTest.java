package org.marketlens.delivery.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketlens.api.delivery.Feature;
import org.marketlens.api.delivery.FeatureMatrix;
import org.marketlens.api.delivery.Selection;
import org.marketlens.api.delivery.TimePoint;

class SelectionTest {
    private static FeatureMatrix matrix(List<String> names, double[][] rows) {
        List<Feature> f = new ArrayList<>();
        for (String n : names) {
            f.add(new Feature(n, "t", TimePoint.TP1, n.startsWith("cat")));
        }
        return new FeatureMatrix(f, rows);
    }

    @Test
    void vifDropsTheCollinearFeatureFirstAndOnlyIt() {
        Random r = new Random(1);
        int n = 200;
        double[][] rows = new double[n][5];
        for (int i = 0; i < n; i++) {
            rows[i][0] = r.nextGaussian();
            rows[i][1] = r.nextGaussian();
            rows[i][2] = r.nextGaussian();
            // "sum" is a near-exact linear combination: the only feature with a huge VIF of its own making
            rows[i][3] = 2 * rows[i][0] + rows[i][1] + 0.01 * r.nextGaussian();
            rows[i][4] = i % 2; // categorical: never examined
        }
        FeatureMatrix x = matrix(List.of("a", "b", "c", "sum", "cat1"), rows);
        double[] vif = VifSelector.vifs(x, List.of(0, 1, 2, 3));
        int worst = 0;
        for (int k = 1; k < 4; k++) {
            worst = vif[k] > vif[worst] ? k : worst;
        }
        assertEquals(3, worst, "the collinear feature has the largest VIF");
        Selection s = new VifSelector().select(x, new double[n], 0);
        assertEquals(List.of("a", "b", "c", "cat1"), s.kept());
        assertTrue(s.scores().get("a") < 10);
    }

    @Test
    void vifDropsConstantColumnsAtOnceAndStillTheCollinearOne() {
        Random r = new Random(2);
        int n = 100;
        double[][] rows = new double[n][5];
        for (int i = 0; i < n; i++) {
            rows[i][0] = r.nextGaussian();
            rows[i][1] = r.nextGaussian();
            rows[i][2] = 0; // no data
            rows[i][3] = i % 3 == 0 ? Double.NaN : 0; // missing reads as 0: constant too
            rows[i][4] = rows[i][0] - rows[i][1] + 0.01 * r.nextGaussian();
        }
        Selection s = new VifSelector().select(matrix(List.of("a", "b", "zero", "missing", "diff"), rows), new double[n], 0);
        assertEquals(2, s.kept().size(), s.toString());
        assertFalse(s.kept().contains("zero") || s.kept().contains("missing"), s.toString());
        assertEquals(Double.POSITIVE_INFINITY, s.scores().get("zero"));
        assertEquals(Double.POSITIVE_INFINITY, s.scores().get("missing"));
    }

    @Test
    void vifOfPerfectCopyIsInfiniteAndOneCopyIsKept() {
        double[][] rows = {{1, 1, 5}, {2, 2, 3}, {3, 3, 4}, {4, 4, 1}, {5, 5, 2}};
        Selection s = new VifSelector().select(matrix(List.of("a", "a2", "c"), rows), new double[5], 0);
        assertEquals(2, s.kept().size());
        assertTrue(s.kept().contains("c"));
    }

    @Test
    void borutaConfirmsInformativeAndRejectsNoise() {
        Random r = new Random(3);
        int n = 300;
        double[][] rows = new double[n][4];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                rows[i][j] = r.nextGaussian();
            }
            y[i] = rows[i][0] + rows[i][1] + 0.3 * r.nextGaussian() > 0 ? 1 : 0;
        }
        Selection s = new BorutaSelector(30, 30).select(matrix(List.of("s1", "s2", "noise1", "noise2"), rows), y, 5);
        assertTrue(s.kept().contains("s1") && s.kept().contains("s2"), s.toString());
        assertFalse(s.kept().contains("noise1") || s.kept().contains("noise2"), s.toString());
    }

    @Test
    void oneHotColumnsOfOneFeatureFormOneUnitAtTheirFirstColumn() {
        List<Feature> f = List.of(new Feature("a", "t", TimePoint.TP1, false),
                new Feature("category=art", "t", TimePoint.TP1, true),
                new Feature("b", "t", TimePoint.TP1, false),
                new Feature("category=games", "t", TimePoint.TP1, true),
                new Feature("kim.category=art", "t", TimePoint.TP1, true),
                new Feature("x=1", "t", TimePoint.TP1, false));
        List<int[]> units = ColumnUnits.of(f);
        assertEquals(5, units.size());
        assertArrayEquals(new int[] {0}, units.get(0));
        assertArrayEquals(new int[] {1, 3}, units.get(1));
        assertArrayEquals(new int[] {2}, units.get(2));
        assertArrayEquals(new int[] {4}, units.get(3), "another feature's one-hot block is its own unit");
        assertArrayEquals(new int[] {5}, units.get(4), "a numeric column is alone whatever its name");
    }

    /**
     * Twelve equally frequent categories, the first six mostly late and the others mostly on time: the category
     * decides y, but each indicator alone splits off one project in twelve. Boruta keeps the whole one-hot block
     * and rejects the noise; with the same columns flagged numeric (decided one by one) it does not keep them all.
     */
    @Test
    void borutaDecidesOnACategoricalFeatureAsOneUnit() {
        Random r = new Random(7);
        int n = 360;
        int levels = 12;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < levels; c++) {
            names.add("cat=" + c);
        }
        names.add("noise1");
        names.add("noise2");
        double[][] rows = new double[n][levels + 2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int c = i % levels;
            rows[i][c] = 1;
            rows[i][levels] = r.nextGaussian();
            rows[i][levels + 1] = r.nextGaussian();
            y[i] = r.nextDouble() < (c < levels / 2 ? 0.8 : 0.2) ? 1 : 0;
        }
        Selection grouped = new BorutaSelector(30, 30).select(matrix(names, rows), y, 5);
        assertEquals(names.subList(0, levels), grouped.kept(), grouped.toString());
        double z = grouped.scores().get("cat=0");
        for (int c = 1; c < levels; c++) {
            assertEquals(z, grouped.scores().get("cat=" + c), "one score for the unit");
        }
        List<Feature> numeric = new ArrayList<>();
        for (String name : names) {
            numeric.add(new Feature(name, "t", TimePoint.TP1, false));
        }
        Selection single = new BorutaSelector(30, 30).select(new FeatureMatrix(numeric, rows), y, 5);
        assertTrue(single.kept().size() < levels, "one by one: " + single.kept());
    }

    @Test
    void stepAicDropsIrrelevantColumnsAndKeepsTheSignal() {
        Random r = new Random(4);
        int n = 200;
        double[][] rows = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                rows[i][j] = Math.abs(r.nextGaussian()) * 10;
            }
            y[i] = 2 * Math.log1p(rows[i][0]) + 0.1 * r.nextGaussian();
        }
        Selection s = new StepAicSelector().select(matrix(List.of("x", "n1", "n2"), rows), y, 0);
        assertTrue(s.kept().contains("x"));
        assertTrue(s.kept().size() < 3, s.kept().toString());
    }
}
