package org.marketlens.model.transrec;

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
import org.marketlens.framework.nn.SameDiffRecommender;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.ParameterSnapshot;
import org.marketlens.framework.nn.SameDiffTraining;
import org.marketlens.framework.train.HyperParameterValues;
import org.osgi.service.component.annotations.Component;

/** TransRec (He et al. 2017; MODELS.md §4.7), a Group-2 baseline of Tables 5.3–5.4, trained by the experiment's loss. */
@Component(property = {PluginProperties.NAME + "=" + TransRecProvider.NAME, PluginProperties.TASKS + "=general,basket"})
public final class TransRecProvider implements ModelProvider {
    static final String NAME = "TransRec";
    private static final List<HyperParameter> HYPER_PARAMETERS;

    static {
        List<HyperParameter> h = new ArrayList<>(List.of(
                new HyperParameter("dim", 64, "embedding size d, in {8, 16, 32, 64, 128} (MODELS.md §4.8)"),
                new HyperParameter("lambda", 0.0001,
                        "L2 weight λ on the batch rows, in {1e-1..1e-5} (MODELS.md §4.8, A-6)")));
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
        TransRecModel model = model(all);
        var trained = SameDiffTraining.train(NAME, model, train, NeuralSettings.from(values), ctx,
                p -> new SameDiffRecommender(NAME, model, p, all, train.numItems()));
        return new SameDiffRecommender(NAME, model, trained, all, train.numItems());
    }

    @Override
    public Recommender load(InputStream in) throws IOException {
        ParameterSnapshot snapshot = ParameterSnapshot.read(in, NAME);
        Map<String, Object> all = snapshot.hyperParameters();
        return new SameDiffRecommender(NAME, model(all), snapshot.parameters(), all,
                ((Number) all.get("numItems")).intValue());
    }

    private static TransRecModel model(Map<String, Object> all) {
        return new TransRecModel(number(all, "numUsers").intValue(), number(all, "numItems").intValue(),
                number(all, "dim").intValue(), number(all, "lambda").doubleValue());
    }

    private static Number number(Map<String, Object> all, String key) {
        return (Number) all.get(key);
    }
}
