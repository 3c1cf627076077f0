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
                ranks[p] = rank(scores, p);
            }
        } else {
            float[] scores = model.scoreAll(query);
            // One sort of the eligible scores serves every positive: O(I log I + P log I) instead of O(P * I).
            float[] eligible = new float[scores.length];
            int n = 0;
            for (int c = 0; c < scores.length; c++) {
                if (!train.contains(ec.user(), c) && !Float.isNaN(scores[c])) {
                    eligible[n++] = scores[c];
                }
            }
            Arrays.sort(eligible, 0, n);
            for (int p = 0; p < positives.length; p++) {
                ranks[p] = rankAmongSorted(eligible, n, scores[positives[p]], !train.contains(ec.user(), positives[p]),
                        scores.length);
            }
        }
        Arrays.sort(ranks);
        return ranks;
    }

    /**
     * @param sorted ascending scores of the eligible candidates (the positive itself included), NaN excluded
     * @param n      how many of {@code sorted} are used
     * @param s      the positive's score
     * @param inList whether the positive itself is among {@code sorted}
     * @param worst  rank given to a NaN positive
     * @return the number of other candidates above it (and, pessimistically, equal to it)
     */
    private int rankAmongSorted(float[] sorted, int n, float s, boolean inList, int worst) {
        if (Float.isNaN(s)) {
            return worst - 1;
        }
        int above = n - upperBound(sorted, n, s);
        if (ties == TieRule.OPTIMISTIC) {
            return above;
        }
        int equalOrAbove = n - lowerBound(sorted, n, s);
        return inList ? equalOrAbove - 1 : equalOrAbove; // the positive is not ranked against itself
    }

    /** @return the first index whose value is > s */
    private static int upperBound(float[] a, int n, float s) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= s) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** @return the first index whose value is >= s */
    private static int lowerBound(float[] a, int n, float s) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < s) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * @param scores candidate scores
     * @param index  index of the positive in {@code scores}
     */
    private int rank(float[] scores, int index) {
        float s = scores[index];
        if (Float.isNaN(s)) {
            return scores.length - 1;
        }
        int rank = 0;
        for (int c = 0; c < scores.length; c++) {
            if (c == index) {
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
