package org.marketlens.framework.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.eval.SeenItems;

/**
 * Beside every sampled test metric, the full-ranking value of the same metric, because sampled metrics can order
 * models differently from full ranking (issue 3). The test positives are ranked a second time, by the same
 * evaluator with the same parameters, against every item the user is not known to have: training items and the
 * user's validation positives are excluded (MODELS.md §2.11). Each such metric is named {@code <metric>(full)}, e.g.
 * {@code HIT@10(full)}, and is reported but never used for model selection.
 */
final class FullRankingColumns {
    static final String SUFFIX = "(full)";

    private FullRankingColumns() {
    }

    /**
     * @param sampled   the evaluator's result on the split's test cases
     * @param evaluator the protocol
     * @param model     the evaluated model
     * @param split     the split whose test cases gave {@code sampled}
     * @param params    the protocol parameters
     * @return {@code sampled} with the full-ranking columns appended, or {@code sampled} itself when no test case
     *         is sampled (the protocol already ranks fully)
     */
    static EvaluationResult addTo(EvaluationResult sampled, Evaluator evaluator, Recommender model, Split split,
                                  Map<String, Object> params) {
        if (split.test().stream().noneMatch(EvalCase::sampled)) {
            return sampled;
        }
        List<EvalCase> full = split.test().stream()
                .map(c -> new EvalCase(c.user(), c.group(), c.context(), c.positives(), null)).toList();
        EvaluationResult ranked = evaluator.evaluate(model, SeenItems.withPositivesOf(split.train(), split.validation()),
                full, params);
        if (!Arrays.equals(ranked.users(), sampled.users())) {
            throw new IllegalStateException(evaluator.getClass().getName()
                    + " returned its full-ranking cases in another order than its sampled cases");
        }
        List<String> names = new ArrayList<>(sampled.metrics());
        Map<String, double[]> values = new LinkedHashMap<>(sampled.values());
        for (String metric : ranked.metrics()) {
            names.add(metric + SUFFIX);
            values.put(metric + SUFFIX, ranked.values().get(metric));
        }
        return new EvaluationResult(sampled.protocol(), names, sampled.users(), values);
    }
}
