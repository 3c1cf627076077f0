package org.marketlens.model.caser;

import java.util.List;
import java.util.Map;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.nn.SameDiffModelProvider;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

/**
 * Caser (Tang and Wang 2018; MODELS.md §4.7), the CNN Group-2 baseline of Tables 5.3–5.4, over the {@code L} latest
 * items (general task) or the other items of the basket (basket task). Defaults are the original authors' (n_h = 16,
 * n_v = 4, dropout 0.5) except d and L, which follow the chapter's protocol (d = 64, L = s = 5; MODELS.md §4.8).
 * Dropout acts in training only: the served model has none.
 */
@Component(service = ModelProvider.class, property = {PluginProperties.NAME + "=" + CaserProvider.NAME,
        PluginProperties.TASKS + "=general,basket"})
public final class CaserProvider extends SameDiffModelProvider<CaserModel> {
    static final String NAME = "Caser";

    public CaserProvider() {
        super(NAME, List.of(new HyperParameter("dim", 64, "embedding size d, in {8, 16, 32, 64, 128} (MODELS.md §4.8)"),
                new HyperParameter("contextSize", 5,
                        "L, the latest items forming the image: s in {5, 10, 20} (general task), the largest basket - 1 (basket task)"),
                new HyperParameter("horizontal", 16, "n_h, horizontal filters per height 1..L (Caser's default)"),
                new HyperParameter("vertical", 4, "n_v, vertical filters (Caser's default)"),
                new HyperParameter("dropout", 0.5,
                        "dropout rate on the convolution outputs, training only (Caser's default; A-8: 0 disables)"),
                new HyperParameter("lambda", 0.0001,
                        "L2 weight λ on batch user/output rows and dense weights, in {1e-1..1e-5} (MODELS.md §4.8, A-6)")));
    }

    @Override
    protected CaserModel model(Map<String, Object> values) {
        return new CaserModel(intValue(values, "numUsers"), intValue(values, "numItems"), intValue(values, "dim"),
                intValue(values, "contextSize"), intValue(values, "horizontal"), intValue(values, "vertical"),
                doubleValue(values, "dropout"), doubleValue(values, "lambda"));
    }

    /** Serves the graph without dropout: validation and inference are deterministic. */
    @Override
    protected Recommender serve(CaserModel model, Map<String, INDArray> parameters, Map<String, Object> values) {
        return new SameDiffRecommender(NAME, model.withoutDropout(), parameters, values, intValue(values, "numItems"));
    }
}
