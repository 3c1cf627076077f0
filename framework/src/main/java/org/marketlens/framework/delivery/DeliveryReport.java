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
        sb.append("## Table 3.3 — classification accuracy (stratified k-fold CV, mean ± sd over folds)\n\n");
        header(sb, "Approach", tps);
        r.accuracy().forEach((name, byTp) -> {
            sb.append("| ").append(name).append(" |");
            for (TimePoint tp : tps) {
                FoldScores f = byTp.get(tp);
                sb.append(String.format(Locale.ROOT, " %.2f%% ± %.2f |", 100 * f.mean(), 100 * sd(f.values())));
            }
            sb.append('\n');
        });
        Map<TimePoint, FoldScores> ours = r.accuracy().get(DeliveryExperiment.OURS);
        for (String base : List.of(DeliveryExperiment.MAJORITY, DeliveryExperiment.KIM)) {
            sb.append("| p (Wilcoxon, ours > ").append(base.substring(0, base.indexOf('(')).trim()).append(") |");
            for (TimePoint tp : tps) {
                double p = DeliveryMetrics.wilcoxonGreater(ours.get(tp).values(), r.accuracy().get(base).get(tp).values());
                sb.append(String.format(Locale.ROOT, " %.4g |", p));
            }
            sb.append('\n');
        }
        sb.append('\n');
    }

    private static void ablation(StringBuilder sb, Results r) {
        if (r.ablation().isEmpty()) {
            return;
        }
        sb.append("## Table 3.4 — feature-group ablation at TP4\n\n");
        sb.append("| Model | Accuracy | p (Welch t-test vs All) |\n|---|---|---|\n");
        FoldScores all = r.ablation().get("All");
        r.ablation().forEach((name, f) -> {
            String p = name.equals("All") ? "" : String.format(Locale.ROOT, "%.4g",
                    new TTest().tTest(all.values(), f.values()));
            sb.append(String.format(Locale.ROOT, "| %s | %.2f%% ± %.2f | %s |%n", name, 100 * f.mean(),
                    100 * sd(f.values()), p));
        });
        sb.append('\n');
    }

    private static void regression(StringBuilder sb, Results r, List<TimePoint> tps) {
        if (r.regression().isEmpty()) {
            return;
        }
        sb.append("## Table 3.5 — delivery-duration regression (pooled out-of-fold predictions)\n\n");
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
            tps.forEach(tp -> sb.append(String.format(Locale.ROOT, " %.1f |",
                    DeliveryMetrics.rmse(byTp.get(tp).predicted(), byTp.get(tp).actual()))));
            tps.forEach(tp -> sb.append(String.format(Locale.ROOT, " %.3f |",
                    DeliveryMetrics.nrmseRange(byTp.get(tp).predicted(), byTp.get(tp).actual()))));
            tps.forEach(tp -> sb.append(String.format(Locale.ROOT, " %.3f |",
                    DeliveryMetrics.nrmseMean(byTp.get(tp).predicted(), byTp.get(tp).actual()))));
            tps.forEach(tp -> {
                if (name.equals(DeliveryExperiment.REG_BASELINE)) {
                    sb.append("  |");
                } else {
                    double[] eb = absErr(base.get(tp));
                    double[] em = absErr(byTp.get(tp));
                    sb.append(String.format(Locale.ROOT, " %.3g |", DeliveryMetrics.wilcoxonGreater(eb, em)));
                }
            });
            sb.append('\n');
        });
        sb.append('\n');
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
