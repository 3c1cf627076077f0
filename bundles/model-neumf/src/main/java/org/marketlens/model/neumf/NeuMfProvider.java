package org.marketlens.model.neumf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.PartTrainingContext;
import org.marketlens.framework.nn.SameDiffModelProvider;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.marketlens.framework.nn.SameDiffTraining;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

/**
 * NeuMF++ (He et al., WWW 2017; MODELS.md §4.7, §4.8): with {@code pretrain=true} it first trains a GMF and an MLP
 * of the same size with the experiment's loss, each to its best validation epoch, then starts NeuMF from them
 * ({@link NeuMfModel#fuse}) and trains it with the same loss (Adam 0.001 throughout, MODELS.md §4.8, where the paper
 * switches to SGD). {@code part=gmf} or {@code part=mlp} trains one tower alone, {@code pretrain=false} NeuMF from
 * random initialisation.
 */
@Component(service = ModelProvider.class,
        property = {PluginProperties.NAME + "=" + NeuMfProvider.NAME, PluginProperties.TASKS + "=general"})
public final class NeuMfProvider extends SameDiffModelProvider<NeuMfModel> {
    static final String NAME = "NeuMF";

    public NeuMfProvider() {
        super(NAME, List.of(
                new HyperParameter("dim", 64, "embedding size d of each tower, in {8, 16, 32, 64, 128} (MODELS.md §4.8)"),
                new HyperParameter("layers", 1, "MLP layers, in {1, 2, 3}; widths d, d/2, d/4 (MODELS.md §4.8)"),
                new HyperParameter("lambda", 0.0001,
                        "L2 weight λ on batch rows and dense weights, in {1e-1..1e-5} (MODELS.md §4.8, A-6)"),
                new HyperParameter("part", "neumf", "neumf (both towers fused) | gmf | mlp (one tower alone)"),
                new HyperParameter("pretrain", true,
                        "NeuMF++: start NeuMF from a trained GMF and MLP (MODELS.md §4.7); false = random start"),
                new HyperParameter("alpha", 0.5, "weight of the GMF output layer in the fused one (He et al. §3.4.1)"),
                new HyperParameter("pretrainEpochs", 0, "epoch cap of each pre-trained tower; 0 = the run's cap")));
    }

    @Override
    protected NeuMfModel model(Map<String, Object> values) {
        return new NeuMfModel(intValue(values, "numUsers"), intValue(values, "numItems"), intValue(values, "dim"),
                intValue(values, "layers"), doubleValue(values, "lambda"), part(values));
    }

    /** Pre-trains GMF and MLP and fuses them when the model is NeuMF++ (He et al. §3.4.1). */
    @Override
    protected Map<String, INDArray> startingParameters(NeuMfModel model, InteractionData train,
            Map<String, Object> values, TrainingContext ctx) {
        if (model.part() != NeuMfModel.Part.NEUMF || !Boolean.parseBoolean(String.valueOf(values.get("pretrain")))) {
            return null;
        }
        Map<String, INDArray> gmf = pretrain(NeuMfModel.Part.GMF, train, values, ctx);
        Map<String, INDArray> mlp = pretrain(NeuMfModel.Part.MLP, train, values, ctx);
        return model.fuse(gmf, mlp, doubleValue(values, "alpha"));
    }

    private Map<String, INDArray> pretrain(NeuMfModel.Part part, InteractionData train, Map<String, Object> values,
            TrainingContext ctx) {
        Map<String, Object> partValues = new LinkedHashMap<>(values);
        partValues.put("part", part.name().toLowerCase(Locale.ROOT));
        NeuMfModel tower = model(partValues);
        String partName = NAME + "-" + part;
        // The towers train with the run's settings, negative pooling and learning-rate decay included.
        NeuralSettings settings = NeuralSettings.from(NAME, values);
        return SameDiffTraining.train(partName, tower, train, settings,
                new PartTrainingContext(part.name(), ctx, intValue(values, "pretrainEpochs")),
                p -> new SameDiffRecommender(NAME, tower, p, partValues, intValue(values, "numItems")));
    }

    private static NeuMfModel.Part part(Map<String, Object> values) {
        String part = String.valueOf(values.get("part")).toUpperCase(Locale.ROOT);
        try {
            return NeuMfModel.Part.valueOf(part);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NAME + " part must be neumf, gmf or mlp, got '" + values.get("part")
                    + "'", e);
        }
    }
}
