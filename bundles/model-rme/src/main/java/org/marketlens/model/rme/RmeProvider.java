package org.marketlens.model.rme;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.api.train.DislikeSampler;
import org.marketlens.framework.als.AlsRecipe;
import org.marketlens.framework.als.FactorRecommender;
import org.marketlens.framework.train.HyperParameterValues;
import org.osgi.service.component.annotations.Component;

/**
 * RME (MODELS.md §2, Eq. 4.4–4.8, Algorithm 1) with its ablations selected by {@code variant}: {@code RME} (all
 * terms), {@code U_RME} (without disliked items, L1 + L2 + L4), {@code I_RME} (without user embeddings,
 * L1 + L2 + L3). Disliked items are explicit (rating ≤ 2) or, for implicit data or {@code dislikes = em}, inferred by
 * Algorithm 2 with the {@code em} {@link DislikeSampler} found through the training context.
 */
@Component(property = {PluginProperties.NAME + "=" + RmeProvider.NAME, PluginProperties.TASKS + "=general"})
public final class RmeProvider implements ModelProvider {
    static final String NAME = "RME";

    @Override
    public List<HyperParameter> hyperParameters() {
        List<HyperParameter> out = new ArrayList<>(AlsRecipe.hyperParameters(true));
        out.addAll(AlsRecipe.userAndDislikeHyperParameters());
        out.add(new HyperParameter("variant", "RME", "RME, U_RME (no disliked items) or I_RME (no user embedding), §2.10"));
        out.add(new HyperParameter("dislikes", "auto",
                "explicit (rating <= dislike_threshold), em (Algorithm 2) or auto (explicit when rated, else em), §2.2/§2.8"));
        out.add(new HyperParameter("tau", 0.2, "Algorithm 2 draw ratio τ (§2.11: 0.2 on TasteProfile)"));
        out.add(new HyperParameter("em_iterations", 10, "Algorithm 2 max_iter (§2.8)"));
        out.add(new HyperParameter("em_sampler", "em", "marketlens.name of the DislikeSampler for Algorithm 2"));
        return out;
    }

    @Override
    public Recommender train(InteractionData train, Map<String, Object> params, TrainingContext ctx) {
        HyperParameterValues v = HyperParameterValues.resolve(NAME, hyperParameters(), params);
        RmeVariant variant = RmeVariant.parse(v.stringValue("variant"));
        String dislikes = v.stringValue("dislikes");
        boolean em = variant.usesDislikes()
                && (dislikes.equals("em") || (dislikes.equals("auto") && !train.hasRatings()));
        if (!em && !dislikes.equals("explicit") && !dislikes.equals("auto") && !dislikes.equals("em")) {
            throw new IllegalArgumentException(NAME + ": dislikes must be explicit, em or auto, got " + dislikes);
        }
        RmeTraining training = new RmeTraining(NAME, train, v, variant, ctx);
        if (!em) {
            return training.explicit();
        }
        String samplerName = v.stringValue("em_sampler");
        DislikeSampler sampler = ctx.plugin(DislikeSampler.class, samplerName).orElseThrow(() ->
                new IllegalStateException(NAME + " needs the DislikeSampler '" + samplerName + "' for Algorithm 2"));
        return training.expectationMaximization(sampler);
    }

    @Override
    public Recommender load(InputStream in) throws IOException {
        return FactorRecommender.read(in, NAME);
    }
}
