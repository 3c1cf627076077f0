package org.marketlens.model.sdm;

import java.util.List;
import java.util.Map;
import org.marketlens.api.nn.AttentionWeights;
import org.marketlens.api.nn.FinalLayerModel;
import org.marketlens.api.nn.FinalLayerVectors;
import org.marketlens.api.rec.Query;
import org.marketlens.framework.nn.ContextAttentionExport;
import org.marketlens.framework.nn.FinalLayerRecommender;
import org.marketlens.framework.nn.ForwardingRecommender;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained SDM: scores, snapshots and final-layer vectors as every {@link FinalLayerRecommender} (so SDMR can
 * freeze it), plus its per-hop attention weights {@code a^(h)_ijk} (Eq. 5.10, 5.16) through {@link AttentionWeights}.
 * The weights come from {@link ContextAttentionExport} on the hops' attention of the same {@link SdmModel#forward}
 * that scores, so the exported weights are exactly the ones the score used.
 * Scores come from {@link SdmKernel}'s forward pass through the framework's serving (the graph's score to float
 * precision, about 20× faster than a SameDiff call per query, which made each validation of ml-100k-loo take a
 * minute, issue 6); {@code -Dmarketlens.kernels=false} scores through the graph instead. Calls are serialised (a
 * SameDiff session and a kernel worker are not thread-safe). Its model is always dropout-free
 * ({@link SdmProvider} serves {@link SdmModel#withoutDropout()}, A-8), so scores, attention and the final-layer vectors
 * SDMR freezes are deterministic.
 */
final class SdmRecommender extends ForwardingRecommender implements FinalLayerVectors, AttentionWeights {
    private final SdmModel model;
    private final FinalLayerRecommender serving;
    private final ContextAttentionExport attention;

    SdmRecommender(String name, SdmModel model, Map<String, INDArray> parameters, Map<String, Object> values,
            int numItems) {
        this(model, new FinalLayerRecommender(name, model, parameters, values, numItems));
    }

    private SdmRecommender(SdmModel model, FinalLayerRecommender serving) {
        super(serving);
        this.model = model;
        this.serving = serving;
        this.attention = new ContextAttentionExport(serving, serving.parameters(), model.contextSize(), model.hops(),
                (sd, in) -> model.forward(sd, sd::getVariable, in).attention());
    }

    @Override
    public FinalLayerModel model() {
        return model;
    }

    @Override
    public Map<String, INDArray> parameters() {
        return serving.parameters();
    }

    @Override
    public List<Attention> attention(Query query, int[] items) {
        return attention.attention(query, items);
    }
}
