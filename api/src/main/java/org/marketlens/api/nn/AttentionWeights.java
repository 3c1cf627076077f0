package org.marketlens.api.nn;

import java.util.List;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A trained recommender with attention over the context items of a query that can say, per prediction, which
 * context item got which weight at each hop (SDM's {@code a^(h)_ijk}, Eq. 5.10 and 5.16; MODELS.md §4.3–4.4), e.g.
 * for the attention-versus-PMI analysis of Figure 5.6 (MODELS.md §4.9). An optional capability: callers test
 * {@code recommender instanceof AttentionWeights}; {@link Recommender#score} is unchanged.
 *
 * @since 0.2.0
 */
@ProviderType
public interface AttentionWeights extends Recommender {
    /**
     * The attention of one prediction.
     *
     * @param item    the candidate (target) item j
     * @param context the context items k the model attended to, oldest first (the model's window of
     *                {@link Query#context()}: padding is left out)
     * @param weights {@code weights[h][k]}: the weight of {@code context[k]} at hop {@code h + 1}; each row sums to
     *                1 when the context is not empty
     */
    record Attention(int item, int[] context, float[][] weights) {
        /** @return the number of hops */
        public int hops() {
            return weights.length;
        }
    }

    /**
     * @param query the query (user and context items, as for {@link Recommender#score})
     * @param items candidate items
     * @return one {@link Attention} per candidate, in the order of {@code items}
     */
    List<Attention> attention(Query query, int[] items);
}
