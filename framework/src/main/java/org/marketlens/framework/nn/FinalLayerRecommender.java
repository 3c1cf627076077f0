package org.marketlens.framework.nn;

import java.util.Map;
import org.marketlens.api.nn.FinalLayerModel;
import org.marketlens.api.nn.FinalLayerVectors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link SameDiffRecommender} of a {@link FinalLayerModel} that also exposes the model and its trained
 * parameters, so a fusion such as SDMR can reuse the frozen final-layer vectors (MODELS.md §4.5).
 */
public final class FinalLayerRecommender extends ForwardingRecommender implements FinalLayerVectors {
    private final FinalLayerModel model;
    private final SameDiffRecommender serving;

    /**
     * @param modelName       the provider's {@code marketlens.name}
     * @param model           the model
     * @param parameters      trained parameters
     * @param hyperParameters every hyper-parameter (for snapshots)
     * @param numItems        number of items
     */
    public FinalLayerRecommender(String modelName, FinalLayerModel model, Map<String, INDArray> parameters,
            Map<String, Object> hyperParameters, int numItems) {
        this(model, new SameDiffRecommender(modelName, model, parameters, hyperParameters, numItems));
    }

    private FinalLayerRecommender(FinalLayerModel model, SameDiffRecommender serving) {
        super(serving);
        this.model = model;
        this.serving = serving;
    }

    @Override
    public FinalLayerModel model() {
        return model;
    }

    @Override
    public Map<String, INDArray> parameters() {
        return serving.parameters();
    }
}
