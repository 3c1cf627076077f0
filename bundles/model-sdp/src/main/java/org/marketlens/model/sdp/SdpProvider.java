package org.marketlens.model.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.framework.nn.FinalLayerRecommender;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.ParameterSnapshot;
import org.marketlens.framework.nn.SameDiffTraining;
import org.marketlens.framework.train.HyperParameterValues;
import org.osgi.service.component.annotations.Component;

/**
 * SDP (Chapter 5.2; MODELS.md §4.2): the signed distance of a one-layer tanh perceptron on the user and item
 * embeddings, trained by the experiment's pairwise loss. The trained model exposes its final-layer vectors
 * ({@link org.marketlens.api.nn.FinalLayerVectors}) for SDMR.
 */
@Component(property = {PluginProperties.NAME + "=" + SdpProvider.NAME, PluginProperties.TASKS + "=general,basket"})
public final class SdpProvider implements ModelProvider {
    static final String NAME = "SDP";
    private static final List<HyperParameter> HYPER_PARAMETERS;

    static {
        List<HyperParameter> h = new ArrayList<>(List.of(
                new HyperParameter("dim", 64, "embedding size d, in {8, 16, 32, 64, 128} (MODELS.md §4.8)"),
                new HyperParameter("layers", 1, "tanh layers ℓ; the experiments use one (MODELS.md §4.2, §4.8)"),
                new HyperParameter("lambda", 0.0001,
                        "L2 weight λ on batch rows and dense weights, in {1e-1..1e-5} (MODELS.md §4.8, A-6)")));
        h.addAll(NeuralSettings.HYPER_PARAMETERS);
        HYPER_PARAMETERS = List.copyOf(h);
    }

    @Override
    public List<HyperParameter> hyperParameters() {
        return HYPER_PARAMETERS;
    }

    @Override
    public Recommender train(InteractionData train, Map<String, Object> params, TrainingContext ctx) {
        HyperParameterValues values = HyperParameterValues.resolve(NAME, HYPER_PARAMETERS, params);
        Map<String, Object> all = new LinkedHashMap<>(values.asMap());
        all.put("numUsers", train.numUsers());
        all.put("numItems", train.numItems());
        SdpModel model = model(all);
        var trained = SameDiffTraining.train(NAME, model, train, NeuralSettings.from(values), ctx,
                p -> new FinalLayerRecommender(NAME, model, p, all, train.numItems()));
        return new FinalLayerRecommender(NAME, model, trained, all, train.numItems());
    }

    @Override
    public Recommender load(InputStream in) throws IOException {
        ParameterSnapshot snapshot = ParameterSnapshot.read(in, NAME);
        Map<String, Object> all = snapshot.hyperParameters();
        return new FinalLayerRecommender(NAME, model(all), snapshot.parameters(), all,
                ((Number) all.get("numItems")).intValue());
    }

    private static SdpModel model(Map<String, Object> all) {
        return new SdpModel(number(all, "numUsers").intValue(), number(all, "numItems").intValue(),
                number(all, "dim").intValue(), number(all, "layers").intValue(), number(all, "lambda").doubleValue());
    }

    private static Number number(Map<String, Object> all, String key) {
        return (Number) all.get(key);
    }
}
