package org.marketlens.model.sdm;

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
 * SDM (Chapter 5.2; MODELS.md §4.3–4.4): the implicit signed distance of a multi-hop memory network with metric
 * attention over the user's {@code s} latest items (general task) or the other items of the basket (basket task),
 * trained by the experiment's pairwise loss on instances with at least one context item. The trained model
 * exposes its final-layer vectors ({@link org.marketlens.api.nn.FinalLayerVectors}) for SDMR.
 */
@Component(property = {PluginProperties.NAME + "=" + SdmProvider.NAME, PluginProperties.TASKS + "=general,basket"})
public final class SdmProvider implements ModelProvider {
    static final String NAME = "SDM";
    private static final List<HyperParameter> HYPER_PARAMETERS;

    static {
        List<HyperParameter> h = new ArrayList<>(List.of(
                new HyperParameter("dim", 64, "embedding size d, in {8, 16, 32, 64, 128} (MODELS.md §4.8)"),
                new HyperParameter("hops", 4, "memory hops H, in {1, 2, 3, 4}; 4 is best on ML-100k validation (MODELS.md §4.4, §4.8)"),
                new HyperParameter("contextSize", 5,
                        "context items s: in {5, 10, 20} (general task), the largest basket - 1 (basket task) (MODELS.md §4.1, §4.8)"),
                new HyperParameter("lambda", 0.0001,
                        "L2 weight λ on batch memory rows and dense weights, in {1e-1..1e-5} (MODELS.md §4.8, A-6)")));
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
        SdmModel model = model(all);
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

    private static SdmModel model(Map<String, Object> all) {
        return new SdmModel(number(all, "numUsers").intValue(), number(all, "numItems").intValue(),
                number(all, "dim").intValue(), number(all, "hops").intValue(), number(all, "contextSize").intValue(),
                number(all, "lambda").doubleValue(), SdmModel.Activation.TANH);
    }

    private static Number number(Map<String, Object> all, String key) {
        return (Number) all.get(key);
    }
}
