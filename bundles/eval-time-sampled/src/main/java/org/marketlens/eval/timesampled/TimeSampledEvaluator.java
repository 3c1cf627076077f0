package org.marketlens.eval.timesampled;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.eval.Metric;
import org.marketlens.api.eval.TieRule;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.data.LoaderParams;
import org.marketlens.framework.eval.Metrics;
import org.marketlens.framework.eval.RankingEvaluation;
import org.marketlens.framework.eval.SeenItems;
import org.osgi.service.component.annotations.Component;

/**
 * Protocol 3, Chapter 5.3 (MODELS.md §5.7): a global time-ordered 70/10/20 split ({@link GlobalTimeSplit}); each
 * user's test positives are ranked together against 1,000 sampled items the user never interacted with; HIT@N and
 * NDCG@N for N ∈ {1, 10, 20, 50, 100}; ties count against the positives (A-3).
 *
 * <p><b>HIT with several test items</b> (A-43): by default {@code HIT@N(u) = |Top_N(u) ∩ Pos_u| / min(N, |Pos_u|)},
 * averaged over users: a recall-style hit that equals the classic hit ratio when a user has one test item. The
 * parameter {@code hit} selects {@code all} (1 iff every positive is in the top N), {@code any} (1 iff one is) or
 * {@code per-positive} (each positive ranked alone against the negatives, averaged over positives).
 *
 * <p>The experiment runner reports each sampled metric's full-ranking value beside it ({@code HIT@10(full)}, issue 3);
 * a case without negatives is ranked here against every item the user is not known to have. Parameters: {@code validationFraction} (0.1), {@code testFraction} (0.2), {@code negatives} (1000),
 * {@code metrics} (names; default NDCG@100 first, the development metric of A-7), {@code ties}.
 */
@Component(property = PluginProperties.NAME + "=" + TimeSampledEvaluator.NAME)
public final class TimeSampledEvaluator implements Evaluator {
    static final String NAME = "time-sampled";
    static final int[] CUTOFFS = {1, 10, 20, 50, 100};

    @Override
    public Split split(Dataset data, Map<String, Object> params, long seed) {
        LoaderParams p = new LoaderParams(NAME, params);
        return new GlobalTimeSplit(p.number("validationFraction").orElse(0.1), p.number("testFraction").orElse(0.2),
                p.integer("negatives", 1000)).split(data.interactions(), seed, NAME);
    }

    @Override
    public EvaluationResult evaluate(Recommender model, InteractionData train, List<EvalCase> cases,
                                     Map<String, Object> params) {
        LoaderParams p = new LoaderParams(NAME, params);
        TieRule ties = TieRule.valueOf(p.string("ties", TieRule.PESSIMISTIC.name()));
        List<Metric> metrics = metrics(params.get("metrics"), HitDefinition.parse(p.string("hit", "recall")));
        return new RankingEvaluation(metrics, ties).evaluate(NAME, model, new SeenItems(train, cases), cases);
    }

    static List<Metric> metrics(Object given, HitDefinition hit) {
        List<String> names = new ArrayList<>();
        if (given == null) {
            names.add("NDCG@100");
            for (String m : List.of("HIT", "NDCG")) {
                for (int n : CUTOFFS) {
                    if (!(m.equals("NDCG") && n == 100)) {
                        names.add(m + "@" + n);
                    }
                }
            }
        } else if (given instanceof List<?> list) {
            list.forEach(o -> names.add(o.toString()));
        } else {
            names.addAll(List.of(given.toString().split("\\s*,\\s*")));
        }
        List<Metric> out = new ArrayList<>();
        for (String name : names) {
            Metric parsed = Metrics.parse(name);
            out.add(name.toUpperCase(java.util.Locale.ROOT).startsWith("HIT@") || name.toUpperCase(
                    java.util.Locale.ROOT).startsWith("HR@")
                    ? new MultiPositiveHit(Integer.parseInt(name.substring(name.indexOf('@') + 1)), hit) : parsed);
        }
        return out;
    }
}
