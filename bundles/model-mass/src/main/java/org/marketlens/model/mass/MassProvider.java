package org.marketlens.model.mass;

import java.util.List;
import java.util.Map;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.nn.ContextAttentionExport;
import org.marketlens.framework.nn.SameDiffModelProvider;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

/**
 * MASS (Chapter 4.3; MODELS.md §3.5): the attentive Mahalanobis distance between a personalised query and the
 * member songs of the target playlist, for automatic playlist continuation. Its context is the basket task's: the
 * other training songs of the same user and playlist, the playlist's training songs at inference.
 * The four attention variants of Table 4.6 are the {@code attention} × {@code memory} options. The trained model
 * exposes its attention weights per prediction ({@link org.marketlens.api.nn.AttentionWeights}, Figure 4.13).
 */
@Component(service = ModelProvider.class, property = {PluginProperties.NAME + "=" + MassProvider.NAME,
        PluginProperties.TASKS + "=basket"})
public final class MassProvider extends SameDiffModelProvider<MassModel> {
    static final String NAME = "MASS";

    public MassProvider() {
        super(NAME, List.of(new HyperParameter("dim", 64, "embedding size d, in {8, 16, 32, 64} (MODELS.md §3.12)"),
                new HyperParameter("lambda", 0.0001,
                        "L2 weight λ on the batch's embedding rows and song biases and on W1, W2, B3, B4, in {0, 1e-1..1e-4} (MODELS.md §3.7, §3.12, A-6)"),
                new HyperParameter("contextSize", 58,
                        "member-song slots l: the largest playlist's training songs (58 on AOTM and on the AOTM-2011 subset after minGroupSize 5: at most 60 songs, minus the test and development songs; MODELS.md §3.5)"),
                new HyperParameter("attention", "metric",
                        "attention weights: metric (masked softmin of Mahalanobis distances, Eq. 4.25-4.27) or dot (masked softmax of dot products, A-35) (Table 4.6)"),
                new HyperParameter("memory", "external",
                        "attention embeddings: external (memories U_a, S_a) or shared (the embedding layer's U, S, A-34) (Table 4.6)")));
    }

    @Override
    protected MassModel model(Map<String, Object> values) {
        return new MassModel(intValue(values, "numUsers"), intValue(values, "numItems"), intValue(values, "dim"),
                intValue(values, "contextSize"), doubleValue(values, "lambda"),
                MassModel.Attention.parse(String.valueOf(values.get("attention"))),
                MassModel.Memory.parse(String.valueOf(values.get("memory"))));
    }

    /**
     * Serves scores and snapshots as a {@link SameDiffRecommender}, plus the attention weights {@code α_ikt}
     * (Eq. 4.27) of each prediction over the playlist's member songs (one "hop", Figure 4.13) through
     * {@link ContextAttentionExport}, read from the same {@link MassModel#forward} that scores on the same member
     * window (the last {@code l} songs of the query's context), so the exported weights are exactly those the score
     * used.
     */
    @Override
    protected Recommender serve(MassModel model, Map<String, INDArray> parameters, Map<String, Object> values) {
        SameDiffRecommender serving = new SameDiffRecommender(NAME, model, parameters, values,
                intValue(values, "numItems"));
        return new ContextAttentionExport(serving, serving.parameters(), model.contextSize(), 1,
                (sd, in) -> List.of(model.forward(sd, sd::getVariable, in).weights()));
    }
}
