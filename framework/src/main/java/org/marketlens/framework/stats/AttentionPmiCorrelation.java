package org.marketlens.framework.stats;

import java.util.List;
import java.util.Locale;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.nn.AttentionWeights;
import org.marketlens.api.nn.AttentionWeights.Attention;
import org.marketlens.api.rec.Query;
import org.marketlens.framework.cooccurrence.Pmi;

/**
 * The attention analysis of Figure 5.6 (MODELS.md §4.9, Eq. 5.23): for every (target j, context item k) pair of a
 * set of ranking cases, the model's attention weight {@code a^(h)_jk} at hop h against {@code PMI(j, k)} of the
 * training co-occurrences, summarised per hop by Pearson's correlation and the number of pairs. The target of a
 * case is its positive; the context is the model's own window of the case's context. Pairs that never co-occur
 * have PMI = −∞ and are counted, not correlated.
 */
public final class AttentionPmiCorrelation {
    private AttentionPmiCorrelation() {
    }

    /**
     * @param hops          hops of the model
     * @param pearson       per hop, the correlation of weight and PMI
     * @param pairs         per hop, the number of correlated pairs
     * @param cases         ranking cases used
     * @param neverTogether (target, context) pairs left out because they never co-occur in training
     */
    public record Result(int hops, double[] pearson, long[] pairs, int cases, long neverTogether) {
        /** @return a markdown table: hop, Pearson r, pairs */
        public String markdown() {
            StringBuilder md = new StringBuilder("| hop | Pearson r (attention, PMI) | pairs |\n|---:|---:|---:|\n");
            for (int h = 0; h < hops; h++) {
                md.append(String.format(Locale.ROOT, "| %d | %.4f | %d |%n", h + 1, pearson[h], pairs[h]));
            }
            md.append(String.format(Locale.ROOT, "%nCases: %d; (target, context) pairs that never co-occur in "
                    + "training (PMI = −∞, left out): %d.%n", cases, neverTogether));
            return md.toString();
        }
    }

    /**
     * @param model the attention model
     * @param pmi   PMI of the training co-occurrences
     * @param cases ranking cases; each positive is a target, scored with the case's user, group and context
     * @return the per-hop correlations
     */
    public static Result of(AttentionWeights model, Pmi pmi, List<EvalCase> cases) {
        PearsonCorrelation[] perHop = null;
        long never = 0;
        for (EvalCase c : cases) {
            List<Attention> attention = model.attention(new Query(c.user(), c.group(), c.context()), c.positives());
            for (Attention a : attention) {
                if (perHop == null) {
                    perHop = new PearsonCorrelation[a.hops()];
                    for (int h = 0; h < perHop.length; h++) {
                        perHop[h] = new PearsonCorrelation();
                    }
                }
                for (int k = 0; k < a.context().length; k++) {
                    double value = pmi.of(a.item(), a.context()[k]);
                    if (value == Double.NEGATIVE_INFINITY) {
                        never++;
                        continue;
                    }
                    for (int h = 0; h < perHop.length; h++) {
                        perHop[h].add(a.weights()[h][k], value);
                    }
                }
            }
        }
        int hops = perHop == null ? 0 : perHop.length;
        double[] r = new double[hops];
        long[] n = new long[hops];
        for (int h = 0; h < hops; h++) {
            r[h] = perHop[h].value();
            n[h] = perHop[h].count();
        }
        return new Result(hops, r, n, cases.size(), never);
    }
}
