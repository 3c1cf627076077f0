package org.marketlens.framework.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.inference.TTest;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.framework.delivery.DeliveryExperiment.FoldScores;
import org.marketlens.framework.delivery.DeliveryExperiment.Pooled;
import org.marketlens.framework.delivery.DeliveryExperiment.Results;

/**
 * Markdown tables shaped like Tables 3.2–3.5 of the dissertation (MODELS.md §1.9), with the significance tests
 * of §1.7–§1.8: directional Wilcoxon signed-rank over folds (classifier vs baselines), Welch two-sample t-test
 * over folds (ablation), directional Wilcoxon over projects' absolute errors (regression vs baseline).
 *
 * <p>Repeated cross-validation ({@link Results#repeats()} = R &gt; 1): accuracies are the mean over all R·k folds,
 * ± the standard deviation of the R repetitions' means (the spread of the estimate itself, not of one fold); RMSE
 * and NRMSE are the mean over the repetitions of each repetition's pooled value. Every test runs within one
 * repetition (exact one-sided Wilcoxon over its k folds, Welch over its k folds, Wilcoxon over its projects'
 * errors), because folds of different repetitions share projects and are not independent pairs; the report gives
 * the <em>largest</em> p of the R repetitions, so "p &lt; 0.05" holds in every repetition.
 */
public final class DeliveryReport {
    private DeliveryReport() {
    }

    /**
     * @param title a heading
     * @param r     results of {@link DeliveryExperiment#run}
     * @return the report
     */
    public static String markdown(String title, Results r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(title).append("\n\n");
        sb.append(String.format(Locale.ROOT, "%d labeled projects, %.2f%% late; %d with a known delivery duration.%n%n",
                r.projects(), 100 * r.lateShare(), r.durationProjects()));
        List<TimePoint> tps = new ArrayList<>(r.accuracy().values().iterator().next().keySet());
        topFeatures(sb, r, tps);
        accuracy(sb, r, tps);
        ablation(sb, r);
        regression(sb, r, tps);
        return sb.toString();
    }

    private static void topFeatures(StringBuilder sb, Results r, List<TimePoint> tps) {
        sb.append("## Table 3.2 — top-10 selected features (mean selection score over the folds that kept them)\n\n");
        sb.append("| Rank |");
        tps.forEach(tp -> sb.append(' ').append(tp).append(" | score |"));
        sb.append("\n|---|");
        tps.forEach(tp -> sb.append("---|---|"));
        sb.append('\n');
        List<List<Map.Entry<String, Double>>> sorted = new ArrayList<>();
        for (TimePoint tp : tps) {
            List<Map.Entry<String, Double>> e = new ArrayList<>(r.topFeatures().getOrDefault(tp, Map.of()).entrySet());
            e.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
            sorted.add(e);
        }
        for (int k = 0; k < 10; k++) {
            sb.append("| ").append(k + 1).append(" |");
            for (List<Map.Entry<String, Double>> e : sorted) {
                if (k < e.size()) {
                    sb.append(' ').append(e.get(k).getKey()).append(" | ")
                            .append(String.format(Locale.ROOT, "%.2f", e.get(k).getValue())).append(" |");
                } else {
                    sb.append("  |  |");
                }
            }
            sb.append('\n');
        }
        sb.append('\n');
    }

    private static void accuracy(StringBuilder sb, Results r, List<TimePoint> tps) {
        sb.append(r.repeats() == 1
                ? "## Table 3.3 — classification accuracy (stratified k-fold CV, mean ± sd over folds)\n\n"
                : String.format(Locale.ROOT, "## Table 3.3 — classification accuracy (%d× repeated stratified k-fold "
                        + "CV, mean over all folds ± sd of the %d repetitions' means)%n%n", r.repeats(), r.repeats()));
        header(sb, "Approach", tps);
        r.accuracy().forEach((name, byTp) -> {
            sb.append("| ").append(name).append(" |");
            for (TimePoint tp : tps) {
                sb.append(meanSpread(byTp.get(tp), r.repeats()));
            }
            sb.append('\n');
        });
        Map<TimePoint, FoldScores> ours = r.accuracy().get(DeliveryExperiment.OURS);
        String which = r.repeats() == 1 ? "" : ", largest of " + r.repeats() + " repetitions";
        for (String base : List.of(DeliveryExperiment.MAJORITY, DeliveryExperiment.KIM)) {
            sb.append("| p (Wilcoxon, ours > ").append(base.substring(0, base.indexOf('(')).trim()).append(which)
                    .append(") |");
            for (TimePoint tp : tps) {
                double[][] a = slices(ours.get(tp).values(), r.repeats());
                double[][] b = slices(r.accuracy().get(base).get(tp).values(), r.repeats());
                double p = 0;
                for (int k = 0; k < a.length; k++) {
                    p = Math.max(p, DeliveryMetrics.wilcoxonGreater(a[k], b[k]));
                }
                sb.append(String.format(Locale.ROOT, " %.4g |", p));
            }
            sb.append('\n');
        }
        sb.append('\n');
    }

    /** "mean% ± sd": sd over folds with one repetition, sd of the repetitions' means with several. */
    private static String meanSpread(FoldScores f, int repeats) {
        double spread;
        if (repeats == 1) {
            spread = sd(f.values());
        } else {
            double[][] parts = slices(f.values(), repeats);
            double[] means = new double[parts.length];
            for (int k = 0; k < parts.length; k++) {
                means[k] = new FoldScores(parts[k]).mean();
            }
            spread = sd(means);
        }
        return String.format(Locale.ROOT, " %.2f%% ± %.2f |", 100 * f.mean(), 100 * spread);
    }

    /**
     * @return {@code v} cut into {@code repeats} equal consecutive parts, one per repetition (the whole array as
     *         one part when it does not divide evenly, e.g. a fold too small for the regression)
     */
    static double[][] slices(double[] v, int repeats) {
        if (repeats <= 1 || v.length % repeats != 0) {
            return new double[][] {v};
        }
        int len = v.length / repeats;
        double[][] out = new double[repeats][];
        for (int k = 0; k < repeats; k++) {
            out[k] = java.util.Arrays.copyOfRange(v, k * len, (k + 1) * len);
        }
        return out;
    }

    private static void ablation(StringBuilder sb, Results r) {
        if (r.ablation().isEmpty()) {
            return;
        }
        sb.append("## Table 3.4 — feature-group ablation at TP4\n\n");
        sb.append("| Model | Accuracy | p (Welch t-test vs All").append(r.repeats() == 1 ? ""
                : ", largest of " + r.repeats() + " repetitions").append(") |\n|---|---|---|\n");
        double[][] all = slices(r.ablation().get("All").values(), r.repeats());
        r.ablation().forEach((name, f) -> {
            String p = "";
            if (!name.equals("All")) {
                double[][] dropped = slices(f.values(), r.repeats());
                double worst = 0;
                for (int k = 0; k < all.length; k++) {
                    worst = Math.max(worst, new TTest().tTest(all[k], dropped[k]));
                }
                p = String.format(Locale.ROOT, "%.4g", worst);
            }
            sb.append("| ").append(name).append(" |").append(meanSpread(f, r.repeats())).append(' ').append(p)
                    .append(" |\n");
        });
        sb.append('\n');
    }

    private static void regression(StringBuilder sb, Results r, List<TimePoint> tps) {
        if (r.regression().isEmpty()) {
            return;
        }
        sb.append("## Table 3.5 — delivery-duration regression (pooled out-of-fold predictions").append(
                r.repeats() == 1 ? "" : "; mean over " + r.repeats() + " repetitions, p the largest").append(")\n\n");
        sb.append("| Model |");
        for (String m : List.of("RMSE", "NRMSE@A", "NRMSE@B", "p vs baseline")) {
            tps.forEach(tp -> sb.append(' ').append(m).append(' ').append(tp).append(" |"));
        }
        sb.append("\n|---|");
        for (int i = 0; i < 4 * tps.size(); i++) {
            sb.append("---|");
        }
        sb.append('\n');
        Map<TimePoint, Pooled> base = r.regression().get(DeliveryExperiment.REG_BASELINE);
        r.regression().forEach((name, byTp) -> {
            sb.append("| ").append(name).append(" |");
            int reps = r.repeats();
            tps.forEach(tp -> sb.append(String.format(Locale.ROOT, " %.1f |",
                    meanOverRepetitions(byTp.get(tp), reps, DeliveryMetrics::rmse))));
            tps.forEach(tp -> sb.append(String.format(Locale.ROOT, " %.3f |",
                    meanOverRepetitions(byTp.get(tp), reps, DeliveryMetrics::nrmseRange))));
            tps.forEach(tp -> sb.append(String.format(Locale.ROOT, " %.3f |",
                    meanOverRepetitions(byTp.get(tp), reps, DeliveryMetrics::nrmseMean))));
            tps.forEach(tp -> {
                if (name.equals(DeliveryExperiment.REG_BASELINE)) {
                    sb.append("  |");
                } else {
                    double[][] eb = slices(absErr(base.get(tp)), reps);
                    double[][] em = slices(absErr(byTp.get(tp)), reps);
                    double p = 0;
                    for (int k = 0; k < eb.length; k++) {
                        p = Math.max(p, DeliveryMetrics.wilcoxonGreater(eb[k], em[k]));
                    }
                    sb.append(String.format(Locale.ROOT, " %.3g |", p));
                }
            });
            sb.append('\n');
        });
        sb.append('\n');
    }

    private static double meanOverRepetitions(Pooled p, int repeats,
            java.util.function.ToDoubleBiFunction<double[], double[]> metric) {
        double[][] pred = slices(p.predicted(), repeats);
        double[][] act = slices(p.actual(), repeats);
        double sum = 0;
        for (int k = 0; k < pred.length; k++) {
            sum += metric.applyAsDouble(pred[k], act[k]);
        }
        return sum / pred.length;
    }

    private static double[] absErr(Pooled p) {
        double[] e = new double[p.actual().length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.abs(p.predicted()[i] - p.actual()[i]);
        }
        return e;
    }

    private static void header(StringBuilder sb, String first, List<TimePoint> tps) {
        sb.append("| ").append(first).append(" |");
        tps.forEach(tp -> sb.append(' ').append(tp).append(" |"));
        sb.append("\n|---|");
        tps.forEach(tp -> sb.append("---|"));
        sb.append('\n');
    }

    static double sd(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return v.length < 2 ? 0 : Math.sqrt(s / (v.length - 1));
    }
}
