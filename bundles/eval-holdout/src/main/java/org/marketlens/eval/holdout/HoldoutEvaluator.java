package org.marketlens.eval.holdout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.eval.TieRule;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.data.LoaderParams;
import org.marketlens.framework.eval.Metrics;
import org.marketlens.framework.eval.RankingEvaluation;
import org.marketlens.framework.eval.SeenItems;
import org.osgi.service.component.annotations.Component;

/**
 * Protocol 1, Chapter 4.2 (MODELS.md §2.11): a 70/10/20 split ({@link HoldoutSplit}: time-sorted when the data has
 * timestamps, random otherwise), full ranking of every item the user is not known to have (training items, and
 * validation items when testing), Recall@N, NDCG@N and MAP@N for N ∈ {5, 10, 20, 50, 100}; ties count against the
 * ground truth (A-3).
 *
 * <p>Parameters: {@code trainFraction} (0.7), {@code validationFraction} (0.1), {@code testFraction} (0.2; the
 * three must sum to 1), {@code order} ({@code auto} = time when timestamps exist, {@code time}, {@code random}),
 * {@code minRelevantRating} (ground truth = held-out interactions rated at least this, e.g. 4 for "liked"; default:
 * every held-out interaction), {@code usePresplit} (true: a dataset published already split is used as it is),
 * {@code metrics} (list or comma-separated names; the first selects models; default NDCG@100 first, §2.11
 * "Stopping"), {@code ties} ({@code PESSIMISTIC}), and {@code repetitions} (5): the dissertation averages 5 splits
 * made with different seeds. This evaluator makes one split per {@link #split} call; repeating it with 5 seeds and
 * averaging is the experiment runner's job, which reads {@code repetitions} from these parameters.
 */
@Component(property = PluginProperties.NAME + "=" + HoldoutEvaluator.NAME)
public final class HoldoutEvaluator implements Evaluator {
    static final String NAME = "holdout";
    static final int DEFAULT_REPETITIONS = 5;
    static final List<String> DEFAULT_METRICS = defaultMetrics();

    @Override
    public Split split(Dataset data, Map<String, Object> params, long seed) {
        LoaderParams p = new LoaderParams(NAME, params);
        if (data.presplit().isPresent() && p.flag("usePresplit", true)) {
            return data.presplit().get();
        }
        double train = p.number("trainFraction").orElse(0.7);
        double validation = p.number("validationFraction").orElse(0.1);
        double test = p.number("testFraction").orElse(0.2);
        if (Math.abs(train + validation + test - 1) > 1e-9) {
            throw new IllegalArgumentException("protocol 'holdout': train + validation + test fractions must be 1");
        }
        InteractionData all = data.interactions();
        boolean byTime = switch (p.string("order", "auto")) {
            case "auto" -> all.hasTimestamps();
            case "time" -> {
                if (!all.hasTimestamps()) {
                    throw new IllegalArgumentException("protocol 'holdout': order=time needs timestamps");
                }
                yield true;
            }
            case "random" -> false;
            default -> throw new IllegalArgumentException("protocol 'holdout': order must be auto, time or random");
        };
        Split split = new HoldoutSplit(validation, test, byTime, p.number("minRelevantRating").orElse(Double.NaN))
                .split(all, seed, NAME);
        Map<String, Object> facts = new java.util.LinkedHashMap<>(split.facts());
        facts.put("repetitions", p.integer("repetitions", DEFAULT_REPETITIONS));
        return new Split(split.protocol(), split.train(), split.validation(), split.test(), facts);
    }

    @Override
    public EvaluationResult evaluate(Recommender model, InteractionData train, List<EvalCase> cases,
                                     Map<String, Object> params) {
        LoaderParams p = new LoaderParams(NAME, params);
        TieRule ties = TieRule.valueOf(p.string("ties", TieRule.PESSIMISTIC.name()));
        RankingEvaluation ranking = new RankingEvaluation(Metrics.parse(metricNames(params.get("metrics"))), ties);
        return ranking.evaluate(NAME, model, new SeenItems(train, cases), cases);
    }

    static List<String> metricNames(Object given) {
        if (given == null) {
            return DEFAULT_METRICS;
        }
        if (given instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        return List.of(given.toString().split("\\s*,\\s*"));
    }

    private static List<String> defaultMetrics() {
        List<String> names = new ArrayList<>(List.of("NDCG@100"));
        for (String m : List.of("Recall", "NDCG", "MAP")) {
            for (int n : new int[] {5, 10, 20, 50, 100}) {
                if (!(m.equals("NDCG") && n == 100)) {
                    names.add(m + "@" + n);
                }
            }
        }
        return List.copyOf(names);
    }
}
