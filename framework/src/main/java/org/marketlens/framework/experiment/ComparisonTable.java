package org.marketlens.framework.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.marketlens.api.eval.EvaluationResult;

/**
 * Means, standard errors and paired significance of models evaluated on the same cases: for each model and metric,
 * the relative improvement over the best baseline (as the dissertation's tables report it) and the two-sided
 * paired t-test and Wilcoxon signed-rank p-values against that baseline (commons-math3).
 */
public final class ComparisonTable {
    /**
     * One cell.
     *
     * @param mean        mean over cases
     * @param stderr      standard error of the mean
     * @param improvement relative improvement over the best baseline (NaN for baselines or without baselines)
     * @param tTestP      paired t-test p-value against the best baseline (NaN when not applicable)
     * @param wilcoxonP   Wilcoxon signed-rank p-value against the best baseline (NaN when not applicable)
     */
    public record Cell(double mean, double stderr, double improvement, double tTestP, double wilcoxonP) {
    }

    private final List<String> metrics;
    private final Map<String, Map<String, Cell>> rows = new LinkedHashMap<>();
    private final Map<String, String> bestBaseline = new LinkedHashMap<>();

    /**
     * @param results   label to result; all results must cover the same cases in the same order
     * @param baselines labels of baseline models (may be empty: then no improvement or p-values)
     */
    public ComparisonTable(Map<String, EvaluationResult> results, List<String> baselines) {
        EvaluationResult first = results.values().iterator().next();
        this.metrics = first.metrics();
        for (String metric : metrics) {
            String best = null;
            for (String b : baselines) {
                if (results.containsKey(b) && (best == null || results.get(b).mean(metric) > results.get(best).mean(metric))) {
                    best = b;
                }
            }
            bestBaseline.put(metric, best);
        }
        for (Map.Entry<String, EvaluationResult> e : results.entrySet()) {
            if (e.getValue().users().length != first.users().length) {
                throw new IllegalArgumentException(e.getKey() + " was evaluated on other cases than " + results.keySet().iterator().next());
            }
            Map<String, Cell> row = new LinkedHashMap<>();
            for (String metric : metrics) {
                double[] v = e.getValue().values().get(metric);
                String base = bestBaseline.get(metric);
                boolean compare = base != null && !baselines.contains(e.getKey());
                double[] b = compare ? results.get(base).values().get(metric) : null;
                row.put(metric, new Cell(e.getValue().mean(metric), stderr(v),
                        compare ? relative(mean(v), mean(b)) : Double.NaN,
                        compare ? tTest(v, b) : Double.NaN,
                        compare ? wilcoxon(v, b) : Double.NaN));
            }
            rows.put(e.getKey(), row);
        }
    }

    /** @return label to metric to cell */
    public Map<String, Map<String, Cell>> rows() {
        return rows;
    }

    /** @return metric names in order */
    public List<String> metrics() {
        return metrics;
    }

    /** @return the Markdown table: mean ± s.e. per metric, improvements and p-values over the best baseline */
    public String markdown() {
        StringBuilder out = new StringBuilder("| model |");
        for (String m : metrics) {
            out.append(' ').append(m).append(" |");
        }
        out.append('\n').append("|---|");
        out.append("---:|".repeat(metrics.size())).append('\n');
        for (Map.Entry<String, Map<String, Cell>> row : rows.entrySet()) {
            out.append("| ").append(row.getKey()).append(" |");
            for (String m : metrics) {
                Cell c = row.getValue().get(m);
                out.append(String.format(Locale.ROOT, " %.4f ± %.4f", c.mean(), c.stderr()));
                if (!Double.isNaN(c.improvement())) {
                    out.append(String.format(Locale.ROOT, " (%+.1f%%, t p=%.3g, W p=%.3g)", 100 * c.improvement(),
                            c.tTestP(), c.wilcoxonP()));
                }
                out.append(" |");
            }
            out.append('\n');
        }
        List<String> notes = new ArrayList<>();
        bestBaseline.forEach((m, b) -> {
            if (b != null) {
                notes.add(m + ": " + b);
            }
        });
        if (!notes.isEmpty()) {
            out.append("\nImprovements and paired p-values (t-test, Wilcoxon signed-rank) are against the best baseline per metric: ")
                    .append(String.join("; ", notes)).append(".\n");
        }
        return out.toString();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    private static double stderr(double[] v) {
        return v.length < 2 ? Double.NaN : new StandardDeviation().evaluate(v) / Math.sqrt(v.length);
    }

    private static double relative(double value, double base) {
        return base == 0 ? Double.NaN : (value - base) / base;
    }

    private static double tTest(double[] a, double[] b) {
        if (a.length < 2 || java.util.Arrays.equals(a, b)) {
            return 1.0;
        }
        return new TTest().pairedTTest(a, b);
    }

    /** Above this many non-zero differences the Wilcoxon p-value uses the normal approximation. */
    static final int EXACT_WILCOXON_PAIRS = 20;

    /**
     * Wilcoxon signed-rank test with zero differences dropped (Wilcoxon's rule): commons-math3 ranks zero differences
     * with the others, which on 0/1 metrics such as HIT (mostly ties) gives absurdly small p-values.
     */
    private static double wilcoxon(double[] a, double[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                n++;
            }
        }
        if (n == 0) {
            return 1.0;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0, j = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                x[j] = a[i];
                y[j++] = b[i];
            }
        }
        // commons-math3's exact p-value enumerates all 2^n sign patterns: allowed up to n = 30, it stalled a report for
        // minutes at n near 30, so the exact value is used up to 20 pairs (2^20 patterns) and the normal
        // approximation above that.
        return new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, n <= EXACT_WILCOXON_PAIRS);
    }
}
