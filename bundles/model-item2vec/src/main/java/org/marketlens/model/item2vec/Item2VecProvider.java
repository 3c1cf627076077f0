package org.marketlens.model.item2vec;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.framework.als.FactorRecommender;
import org.marketlens.framework.train.EarlyStopping;
import org.marketlens.framework.train.HyperParameterValues;
import org.osgi.service.component.annotations.Component;

/**
 * Item2Vec (Barkan and Koenigstein 2016; MODELS.md §2.10): skip-gram with negative sampling where each user's liked
 * set is one sentence and every other item of the set is a context; {@code score(u, i) = Σ_{j ∈ I_u} cos(v_i, v_j)}.
 * SGNS is implemented here in plain Java ({@link SkipGram}) rather than with DL4J's word2vec: deeplearning4j-nlp is
 * not among the pinned artifacts, it would add a large dependency tree to an OSGi bundle for a 100-line algorithm, and
 * its window-based sentences do not express "all pairs of a set". One epoch = one pass over every user. The step
 * decays linearly to 0 over a fixed schedule of {@code epochs} (word2vec); the model is validated after every epoch
 * and the best epoch is kept, without stopping early: on ML-100K (70% train, k = 40) validation NDCG@100 first dips
 * (0.048 → 0.043 over epochs 1–3 at rate 0.025) and rises only as the step decays (0.18 after 12 epochs at 0.025,
 * 0.28 at 0.1), so patience-based stopping ended training after epoch 1 with near-random scores.
 */
@Component(property = {PluginProperties.NAME + "=" + Item2VecProvider.NAME, PluginProperties.TASKS + "=general"})
public final class Item2VecProvider implements ModelProvider {
    static final String NAME = "Item2Vec";

    @Override
    public List<HyperParameter> hyperParameters() {
        return List.of(
                new HyperParameter("k", 40, "embedding dimension (§2.11 grid of k)"),
                new HyperParameter("negatives", 5, "negative samples per (target, context) pair (SGNS default)"),
                new HyperParameter("contexts", 50, "contexts drawn per target from the user's set (bounds |I_u|² cost)"),
                new HyperParameter("learning_rate", 0.1, "initial SGD step, decayed linearly to 0 over the epochs"),
                new HyperParameter("epochs", 10, "length of the step schedule (capped by the run's max epochs)"),
                new HyperParameter("like_threshold", 4.0, "rating >= this is liked (§2.2); implicit data: all liked"));
    }

    @Override
    public Recommender train(InteractionData train, Map<String, Object> params, TrainingContext ctx) {
        HyperParameterValues v = HyperParameterValues.resolve(NAME, hyperParameters(), params);
        int[][] liked = LikedSets.of(train, v.doubleValue("like_threshold"));
        SkipGram sgns = new SkipGram(train.numItems(), v.intValue("k"), v.intValue("negatives"),
                v.intValue("contexts"), liked, new SplittableRandom(ctx.seed()));
        // Patience is not applied (see the class comment): every epoch of the schedule runs, the best is kept.
        EarlyStopping stopping = new EarlyStopping(Integer.MAX_VALUE);
        int epochs = Math.max(1, Math.min(v.intValue("epochs"), ctx.maxEpochs()));
        FactorRecommender best = null;
        for (int epoch = 0; epoch < epochs && !ctx.cancelled(); epoch++) {
            double rate = v.doubleValue("learning_rate") * Math.max(0.0001, 1 - (double) epoch / epochs);
            sgns.epoch(rate);
            FactorRecommender candidate = Item2VecFactors.of(sgns.vectors(), v.intValue("k"), liked);
            ctx.progress(NAME + " epoch", epoch + 1, epochs);
            OptionalDouble value = ctx.validate(candidate);
            if (value.isEmpty() || stopping.record(epoch, value.getAsDouble())) {
                best = candidate;
            }
        }
        ctx.record("bestEpoch", stopping.bestEpoch() + 1);
        return best != null ? best : Item2VecFactors.of(sgns.vectors(), v.intValue("k"), liked);
    }

    @Override
    public Recommender load(InputStream in) throws IOException {
        return FactorRecommender.read(in, NAME);
    }
}
