package org.marketlens.model.cofactor;

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
 * Cofactor (Liang et al.; MODELS.md §2.10): L1 + L2 of Eq. 4.4, i.e. WMF jointly with the co-liked item SPPMI
 * matrix X (Eq. 4.2–4.3), trained by the closed-form updates Eq. 4.5–4.8 with validation early stopping.
 */
@Component(property = {PluginProperties.NAME + "=" + CofactorProvider.NAME, PluginProperties.TASKS + "=general"})
public final class CofactorProvider implements ModelProvider {
    static final String NAME = "Cofactor";

    @Override
    public List<HyperParameter> hyperParameters() {
        return AlsRecipe.hyperParameters(true);
    }

    @Override
    public Recommender train(InteractionData train, Map<String, Object> params, TrainingContext ctx) {
        HyperParameterValues v = HyperParameterValues.resolve(NAME, hyperParameters(), params);
        SparseRows liked = AlsRecipe.liked(train, v.doubleValue("like_threshold"));
        SparseRows coLiked = AlsRecipe.sppmi(liked, v.doubleValue("shift"), v.intValue("item_pair_cap"), ctx.seed());
        JointFactorization model = new JointFactorization(liked, coLiked, null, null,
                AlsRecipe.settings(v, true, ctx.seed()));
        return AlsTraining.fit(NAME, model, ctx).model();
    }

    @Override
    public Recommender load(InputStream in) throws IOException {
        return FactorRecommender.read(in, NAME);
    }
}
