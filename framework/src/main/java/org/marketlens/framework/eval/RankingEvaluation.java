package org.marketlens.framework.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.eval.Metric;
import org.marketlens.api.eval.TieRule;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;

/**
 * Ranks the positives of each case and applies metrics. Sampled cases rank positives among positives plus
 * negatives; full-ranking cases rank them among every item the user has no training interaction with. The rank
 * of a positive is the number of other candidates scored above it, plus, under {@link TieRule#PESSIMISTIC}, those
 * scored equal. A NaN score ranks last.
 */
public final class RankingEvaluation {
    private final List<Metric> metrics;
    private final TieRule ties;

    /**
     * @param metrics metrics in display order; the first drives model selection
     * @param ties    tie rule
     */
    public RankingEvaluation(List<Metric> metrics, TieRule ties) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("at least one metric is needed");
        }
        this.metrics = List.copyOf(metrics);
        this.ties = ties;
    }

    /**
     * Evaluates cases in parallel (recommenders are thread-safe by contract).
     *
     * @return per-case metric values
     */
    public EvaluationResult evaluate(String protocol, Recommender model, InteractionData train, List<EvalCase> cases) {
        double[][] values = new double[metrics.size()][cases.size()];
        IntStream.range(0, cases.size()).parallel().forEach(c -> {
            EvalCase ec = cases.get(c);
            int[] ranks = ranks(model, train, ec);
            for (int m = 0; m < metrics.size(); m++) {
                values[m][c] = metrics.get(m).value(ranks, ec.positives().length);
            }
        });
        Map<String, double[]> byName = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            names.add(metrics.get(m).name());
            byName.put(metrics.get(m).name(), values[m]);
        }
        int[] users = cases.stream().mapToInt(EvalCase::user).toArray();
        return new EvaluationResult(protocol, names, users, byName);
    }

    /** @return 0-based ranks of the case's positives, ascending */
    int[] ranks(Recommender model, InteractionData train, EvalCase ec) {
        Query query = new Query(ec.user(), ec.group(), ec.context());
        int[] positives = ec.positives();
        int[] ranks = new int[positives.length];
        if (ec.sampled()) {
            int[] candidates = new int[positives.length + ec.negatives().length];
            System.arraycopy(positives, 0, candidates, 0, positives.length);
            System.arraycopy(ec.negatives(), 0, candidates, positives.length, ec.negatives().length);
            float[] scores = model.score(query, candidates);
            for (int p = 0; p < positives.length; p++) {
                ranks[p] = rank(scores, p, null, -1);
            }
        } else {
            float[] scores = model.scoreAll(query);
            for (int p = 0; p < positives.length; p++) {
                ranks[p] = rank(scores, positives[p], train, ec.user());
            }
        }
        Arrays.sort(ranks);
        return ranks;
    }

    /**
     * @param scores candidate scores
     * @param index  index of the positive in {@code scores}
     * @param train  for full ranking: the user's training items are skipped; null for sampled cases
     * @param user   the case's user
     */
    private int rank(float[] scores, int index, InteractionData train, int user) {
        float s = scores[index];
        if (Float.isNaN(s)) {
            return scores.length - 1;
        }
        int rank = 0;
        for (int c = 0; c < scores.length; c++) {
            if (c == index || (train != null && train.contains(user, c))) {
                continue;
            }
            float o = scores[c];
            if (o > s || (ties == TieRule.PESSIMISTIC && o == s)) {
                rank++;
            }
        }
        return rank;
    }
}
