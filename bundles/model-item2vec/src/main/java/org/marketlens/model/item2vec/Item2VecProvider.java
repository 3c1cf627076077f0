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
import org.marketlens.framework.train.EarlyStopping;
import org.marketlens.framework.train.HyperParameterValues;
import org.osgi.service.component.annotations.Component;

/**
 * Item2Vec (Barkan and Koenigstein 2016; MODELS.md §2.10): skip-gram with negative sampling where each user's liked
 * set is one sentence and every other item of the set is a context; {@code score(u, i) = Σ_{j ∈ I_u} cos(v_i, v_j)}.
 * SGNS is implemented here in plain Java ({@link SkipGram}) rather than with DL4J's word2vec: deeplearning4j-nlp is
 * not among the pinned artifacts, it would add a large dependency tree to an OSGi bundle for a 100-line algorithm, and
 * its window-based sentences do not express "all pairs of a set". One epoch = one pass over every user; validation
 * early stopping per epoch.
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
                new HyperParameter("learning_rate", 0.025, "initial SGD step, decayed linearly over the epochs (word2vec)"),
                new HyperParameter("like_threshold", 4.0, "rating >= this is liked (§2.2); implicit data: all liked"));
    }

    @Override
    public Recommender train(InteractionData train, Map<String, Object> params, TrainingContext ctx) {
        HyperParameterValues v = HyperParameterValues.resolve(NAME, hyperParameters(), params);
        int[][] liked = LikedSets.of(train, v.doubleValue("like_threshold"));
        SkipGram sgns = new SkipGram(train.numItems(), v.intValue("k"), v.intValue("negatives"),
                v.intValue("contexts"), liked, new SplittableRandom(ctx.seed()));
        EarlyStopping stopping = new EarlyStopping(Math.max(1, ctx.patience()));
        int epochs = Math.max(1, ctx.maxEpochs());
        Item2VecModel best = null;
        for (int epoch = 0; epoch < epochs && !ctx.cancelled(); epoch++) {
            double rate = v.doubleValue("learning_rate") * Math.max(0.0001, 1 - (double) epoch / epochs);
            sgns.epoch(rate);
            Item2VecModel candidate = Item2VecModel.of(sgns.vectors(), v.intValue("k"), liked);
            ctx.progress(NAME + " epoch", epoch + 1, epochs);
            OptionalDouble value = ctx.validate(candidate);
            if (value.isEmpty() || stopping.record(epoch, value.getAsDouble())) {
                best = candidate;
            }
            if (value.isPresent() && stopping.shouldStop()) {
                break;
            }
        }
        ctx.record("bestEpoch", stopping.bestEpoch() + 1);
        return best != null ? best : Item2VecModel.of(sgns.vectors(), v.intValue("k"), liked);
    }

    @Override
    public Recommender load(InputStream in) throws IOException {
        return Item2VecModel.read(in);
    }
}
