package org.marketlens.framework.eval;

import java.util.ArrayList;
import java.util.List;
import org.marketlens.api.eval.Metric;

/** Parses metric names such as {@code HIT@10}, {@code NDCG@20}, {@code Recall@5} or {@code MAP@10}. */
public final class Metrics {
    private Metrics() {
    }

    /**
     * @param name metric name, case-insensitive: {@code HIT@k}, {@code NDCG@k}, {@code Recall@k},
     *             {@code Precision@k} or {@code MAP@k}
     * @return the metric
     * @throws IllegalArgumentException for an unknown name or a cut-off below 1
     */
    public static Metric parse(String name) {
        int at = name.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("metric '" + name + "' needs a cut-off, e.g. HIT@10");
        }
        int cutoff;
        try {
            cutoff = Integer.parseInt(name.substring(at + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("metric '" + name + "': cut-off is not an integer", e);
        }
        if (cutoff < 1) {
            throw new IllegalArgumentException("metric '" + name + "': cut-off must be >= 1");
        }
        return switch (name.substring(0, at).toUpperCase(java.util.Locale.ROOT)) {
            case "HIT", "HR" -> new HitRate(cutoff);
            case "NDCG" -> new Ndcg(cutoff);
            case "RECALL" -> new Recall(cutoff);
            case "PRECISION", "P" -> new Precision(cutoff);
            case "MAP", "AP" -> new AveragePrecision(cutoff);
            default -> throw new IllegalArgumentException(
                    "unknown metric '" + name + "'; known: HIT@k, NDCG@k, Recall@k, Precision@k, MAP@k");
        };
    }

    /** @return the parsed metrics, in order */
    public static List<Metric> parse(List<String> names) {
        List<Metric> out = new ArrayList<>();
        for (String n : names) {
            out.add(parse(n));
        }
        return out;
    }
}
