package org.marketlens.model.itemknn;

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
import org.marketlens.framework.train.HyperParameterValues;
import org.osgi.service.component.annotations.Component;

/**
 * ItemKNN baseline (MODELS.md §4.7, Group-1: "item–item cosine similarity on the interaction matrix"; Sarwar et al.,
 * WWW 2001). The similarity is built by {@link CosineNeighbours}; scores are {@code score(u,i) = sum_{j in I_u}
 * sim(i,j)} over the user's training items, see {@link ItemKnnModel}. Training is one pass, so the context's epochs,
 * validation and loss are not used.
 */
@Component(property = {PluginProperties.NAME + "=" + ItemKnnProvider.NAME, PluginProperties.TASKS + "=general"})
public final class ItemKnnProvider implements ModelProvider {
    static final String NAME = "ItemKNN";
    static final String NEIGHBOURS = "neighbours";
    static final String SHRINK = "shrink";

    @Override
    public List<HyperParameter> hyperParameters() {
        return List.of(
                new HyperParameter(NEIGHBOURS, 100,
                        "most similar items kept per item; 0 keeps all (not reported in MODELS.md §4.7)"),
                new HyperParameter(SHRINK, 0.0,
                        "shrinkage added to the cosine denominator; 0 = plain cosine (MODELS.md §4.7)"));
    }

    @Override
    public Recommender train(InteractionData train, Map<String, Object> params, TrainingContext ctx) {
        HyperParameterValues values = HyperParameterValues.resolve(NAME, hyperParameters(), params);
        int neighbours = values.intValue(NEIGHBOURS);
        double shrink = values.doubleValue(SHRINK);
        if (neighbours < 0 || shrink < 0 || Double.isNaN(shrink)) {
            throw new IllegalArgumentException(NAME + ": neighbours and shrink must be >= 0, got " + neighbours
                    + " and " + shrink);
        }
        UserRows rows = UserRows.of(train);
        return new ItemKnnModel(rows, CosineNeighbours.build(rows, neighbours, shrink));
    }

    @Override
    public Recommender load(InputStream in) throws IOException {
        return ItemKnnModel.read(in);
    }
}
