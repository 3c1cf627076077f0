package org.marketlens.model.sdp;

import java.util.List;
import java.util.Map;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.nn.FinalLayerRecommender;
import org.marketlens.framework.nn.SameDiffModelProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

/**
 * SDP (Chapter 5.2; MODELS.md §4.2): the signed distance of a one-layer tanh perceptron on the user and item
 * embeddings, trained by the experiment's pairwise loss. The trained model exposes its final-layer vectors
 * ({@link org.marketlens.api.nn.FinalLayerVectors}) for SDMR.
 */
@Component(service = ModelProvider.class, property = {PluginProperties.NAME + "=" + SdpProvider.NAME,
        PluginProperties.TASKS + "=general,basket"})
public final class SdpProvider extends SameDiffModelProvider<SdpModel> {
    static final String NAME = "SDP";

    public SdpProvider() {
        super(NAME, List.of(new HyperParameter("dim", 64, "embedding size d, in {8, 16, 32, 64, 128} (MODELS.md §4.8)"),
                new HyperParameter("layers", 1, "tanh layers ℓ; the experiments use one (MODELS.md §4.2, §4.8)"),
                new HyperParameter("lambda", 0.0001,
                        "L2 weight λ on batch rows and dense weights, in {1e-1..1e-5} (MODELS.md §4.8, A-6)"),
                new HyperParameter("dropout", 0.0,
                        "dropout rate on every tanh layer's output, training only, in [0, 1) (A-8: 0 = none)")));
    }

    @Override
    protected SdpModel model(Map<String, Object> values) {
        return new SdpModel(intValue(values, "numUsers"), intValue(values, "numItems"), intValue(values, "dim"),
                intValue(values, "layers"), doubleValue(values, "lambda"), true,
                values.containsKey("dropout") ? doubleValue(values, "dropout") : 0.0); // snapshots before dropout: 0
    }

    /** Serves the final-layer vectors too, which SDMR fuses (MODELS.md §4.5); without dropout (deterministic). */
    @Override
    protected Recommender serve(SdpModel model, Map<String, INDArray> parameters, Map<String, Object> values) {
        return new FinalLayerRecommender(NAME, model.withoutDropout(), parameters, values, intValue(values, "numItems"));
    }
}
