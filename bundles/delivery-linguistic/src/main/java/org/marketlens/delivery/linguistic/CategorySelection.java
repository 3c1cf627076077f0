package org.marketlens.delivery.linguistic;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The category filter of MODELS.md §1.4.5: Welch's unequal-variance two-sample t-test ([ASSUMPTION]) of a
 * category's scores between on-time and late projects; the category is kept iff {@code p < level}. A category
 * with no variance in either group (e.g. never used) is dropped.
 */
final class CategorySelection {
    private CategorySelection() {
    }

    /**
     * @param scores per project, per category
     * @param late   label per project
     * @param level  significance level (already Bonferroni-divided)
     * @return kept category indices, ascending
     */
    static int[] kept(double[][] scores, boolean[] late, double level) {
        if (scores.length == 0) {
            return new int[0];
        }
        int cats = scores[0].length;
        List<Integer> keep = new ArrayList<>();
        TTest test = new TTest();
        for (int c = 0; c < cats; c++) {
            List<Double> a = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            for (int i = 0; i < scores.length; i++) {
                (late[i] ? b : a).add(scores[i][c]);
            }
            if (a.size() < 2 || b.size() < 2 || (variance(a) == 0 && variance(b) == 0)) {
                continue;
            }
            double p = test.tTest(array(a), array(b));
            if (p < level) {
                keep.add(c);
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double variance(List<Double> v) {
        double m = 0;
        for (double d : v) {
            m += d;
        }
        m /= v.size();
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return s;
    }

    private static double[] array(List<Double> v) {
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }
}
