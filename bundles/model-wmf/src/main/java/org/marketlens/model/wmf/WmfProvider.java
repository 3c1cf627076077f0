package org.marketlens.model.wmf;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.framework.als.AlsRecipe;
import org.marketlens.framework.als.AlsTraining;
import org.marketlens.framework.als.FactorRecommender;
import org.marketlens.framework.als.JointFactorization;
import org.marketlens.framework.cooccurrence.SparseRows;
import org.marketlens.framework.train.HyperParameterValues;
import org.osgi.service.component.annotations.Component;

/**
 * WMF (Hu et al.; Eq. 4.1, MODELS.md §2.3): the L1 term of Eq. 4.4 alone, closed-form ALS (Eq. 4.5–4.6 without
 * co-occurrence parts) with validation early stopping. Liked = rating ≥ 4, or every interaction of implicit data.
 */
@Component(property = {PluginProperties.NAME + "=" + WmfProvider.NAME, PluginProperties.TASKS + "=general"})
public final class WmfProvider implements ModelProvider {
    static final String NAME = "WMF";

    @Override
    public List<HyperParameter> hyperParameters() {
        return AlsRecipe.hyperParameters(false);
    }

    @Override
    public Recommender train(InteractionData train, Map<String, Object> params, TrainingContext ctx) {
        HyperParameterValues v = HyperParameterValues.resolve(NAME, hyperParameters(), params);
        SparseRows liked = AlsRecipe.liked(train, v.doubleValue("like_threshold"));
        JointFactorization model = new JointFactorization(liked, null, null, null,
                AlsRecipe.settings(v, false, ctx.seed()));
        return AlsTraining.fit(NAME, model, ctx).model();
    }

    @Override
    public Recommender load(InputStream in) throws IOException {
        return FactorRecommender.read(in, NAME);
    }
}
