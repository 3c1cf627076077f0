package org.marketlens.eval.loosampled;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marketlens.api.eval.Metric;
import org.marketlens.api.eval.TieRule;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.framework.eval.Metrics;
import org.marketlens.framework.train.HyperParameterValues;

/**
 * The protocol's parameters: {@code negatives} (sampled candidates per held-out item, 100 in MODELS.md §4.8),
 * {@code metrics} (a list or comma-separated names; the first selects models, A-7: NDCG@10) and {@code ties}
 * ({@code pessimistic}, the default of A-3, or {@code optimistic}) and {@code split} ({@code interaction}, the
 * default: per user the last interaction is held out; {@code basket}: the held-out items come from the user's last
 * transaction and their contexts are its other items, A-40).
 */
record ProtocolParams(int negatives, List<Metric> metrics, TieRule ties, String split) {
    static final List<HyperParameter> DECLARED = List.of(
            new HyperParameter("negatives", 100, "sampled negatives per held-out item (MODELS.md §4.8)"),
            new HyperParameter("metrics", List.of("NDCG@10", "HIT@10"),
                    "metric names; the first drives model selection (A-7)"),
            new HyperParameter("ties", "pessimistic", "pessimistic (ties rank above the positive, A-3) | optimistic"),
            new HyperParameter("split", "interaction",
                    "interaction (the user's last interaction is the test item) | basket (last item of the last "
                            + "transaction; contexts are its other items, MODELS.md §4.1, A-40) | playlist (two random "
                            + "songs per playlist, contexts are its training songs, MODELS.md §3.12)"));

    /**
     * @param given parameters from the experiment spec
     * @return the parsed parameters, defaults filled in
     * @throws IllegalArgumentException for an unknown parameter, metric or tie rule
     */
    static ProtocolParams parse(Map<String, Object> given) {
        HyperParameterValues v = HyperParameterValues.resolve(LooSampledEvaluator.NAME, DECLARED, given);
        int negatives = v.intValue("negatives");
        if (negatives < 1) {
            throw new IllegalArgumentException(LooSampledEvaluator.NAME + ": negatives must be >= 1, got " + negatives);
        }
        String split = v.stringValue("split").trim().toLowerCase(Locale.ROOT);
        if (!List.of("interaction", "basket", "playlist").contains(split)) {
            throw new IllegalArgumentException(LooSampledEvaluator.NAME
                    + ": split must be interaction, basket or playlist, got '" + split + "'");
        }
        return new ProtocolParams(negatives, Metrics.parse(names(v.asMap().get("metrics"))), ties(v.stringValue("ties")),
                split);
    }

    private static List<String> names(Object metrics) {
        List<String> out = new ArrayList<>();
        if (metrics instanceof List<?> list) {
            list.forEach(m -> out.add(String.valueOf(m).trim()));
        } else {
            for (String m : String.valueOf(metrics).split(",")) {
                out.add(m.trim());
            }
        }
        out.removeIf(String::isEmpty);
        if (out.isEmpty()) {
            throw new IllegalArgumentException(LooSampledEvaluator.NAME + ": at least one metric is needed");
        }
        return out;
    }

    private static TieRule ties(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "pessimistic" -> TieRule.PESSIMISTIC;
            case "optimistic" -> TieRule.OPTIMISTIC;
            default -> throw new IllegalArgumentException(LooSampledEvaluator.NAME
                    + ": ties must be pessimistic or optimistic, got '" + name + "'");
        };
    }
}
