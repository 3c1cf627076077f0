package org.marketlens.model.rme;

import java.util.SplittableRandom;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.api.train.DislikeSampler;
import org.marketlens.framework.als.AlsRecipe;
import org.marketlens.framework.als.AlsSettings;
import org.marketlens.framework.als.AlsTraining;
import org.marketlens.framework.als.FactorRecommender;
import org.marketlens.framework.als.JointFactorization;
import org.marketlens.framework.cooccurrence.SparseRows;
import org.marketlens.framework.train.HyperParameterValues;

/**
 * Builds the SPPMI inputs of one RME variant (X and Z depend on M only, so they are built once) and runs Algorithm 1,
 * or Algorithm 2 around it (MODELS.md §2.7–2.8).
 */
final class RmeTraining {
    private final String name;
    private final InteractionData train;
    private final HyperParameterValues v;
    private final RmeVariant variant;
    private final TrainingContext ctx;
    private final SparseRows liked;
    private final SparseRows coLiked;
    private final SparseRows userPairs;
    private final AlsSettings settings;

    RmeTraining(String name, InteractionData train, HyperParameterValues v, RmeVariant variant, TrainingContext ctx) {
        this.name = name;
        this.train = train;
        this.v = v;
        this.variant = variant;
        this.ctx = ctx;
        this.liked = AlsRecipe.liked(train, v.doubleValue("like_threshold"));
        this.coLiked = AlsRecipe.sppmi(liked, v.doubleValue("shift"), v.intValue("item_pair_cap"), ctx.seed());
        this.userPairs = variant.usesUserEmbedding()
                ? AlsRecipe.sppmi(liked.transpose(), v.doubleValue("shift"), v.intValue("user_pair_cap"), ctx.seed() + 1)
                : null;
        this.settings = AlsRecipe.settings(v, true, ctx.seed());
        ctx.record("sppmiNonZeros", coLiked.nonZeros() + (userPairs == null ? 0 : userPairs.nonZeros()));
    }

    /** Algorithm 1 with explicit dislikes (rating ≤ threshold), §2.2. */
    FactorRecommender explicit() {
        SparseRows coDisliked = variant.usesDislikes()
                ? coDisliked(AlsRecipe.disliked(train, v.doubleValue("dislike_threshold")))
                : null;
        return AlsTraining.fit(name, new JointFactorization(liked, coLiked, coDisliked, userPairs, settings), ctx).model();
    }

    /**
     * Algorithm 2: initial WMF, then E-step (sampler) and M-step (RME from a fresh initialisation, A-25e) while the
     * validation value improves, at most {@code em_iterations} times (A-25a).
     */
    FactorRecommender expectationMaximization(DislikeSampler sampler) {
        AlsTraining.Result current = AlsTraining.fit(name,
                new JointFactorization(liked, null, null, null, settings), ctx);
        SplittableRandom random = new SplittableRandom(ctx.seed() ^ 0x5DEECE66DL);
        double tau = v.doubleValue("tau");
        int maxIterations = v.intValue("em_iterations");
        int accepted = 0;
        for (int iteration = 1; iteration <= maxIterations && !ctx.cancelled(); iteration++) {
            int[][] drawn = sampler.sample(train, current.model(), tau, random, ctx::validationItems);
            SparseRows coDisliked = coDisliked(SparseRows.ofSets(train.numItems(), drawn));
            AlsTraining.Result next = AlsTraining.fit(name,
                    new JointFactorization(liked, coLiked, coDisliked, userPairs, settings), ctx);
            ctx.progress(name + " EM iteration", iteration, maxIterations);
            boolean better = Double.isNaN(current.validation()) || next.validation() > current.validation();
            if (!better) {
                break;
            }
            current = next;
            accepted = iteration;
            if (Double.isNaN(next.validation())) {
                break;
            }
        }
        ctx.record("emIterations", accepted);
        return current.model();
    }

    private SparseRows coDisliked(SparseRows disliked) {
        return AlsRecipe.sppmi(disliked, v.doubleValue("shift"), v.intValue("item_pair_cap"), ctx.seed() + 2);
    }
}
