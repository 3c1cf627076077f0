package org.marketlens.framework.nn;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.marketlens.api.nn.FinalLayerModel;
import org.marketlens.api.nn.FinalLayerVectors;
import org.marketlens.api.rec.Query;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link SameDiffRecommender} of a {@link FinalLayerModel} that also exposes the model and its trained
 * parameters, so a fusion such as SDMR can reuse the frozen final-layer vectors (MODELS.md §4.5).
 */
public final class FinalLayerRecommender implements FinalLayerVectors {
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
        this.model = model;
        this.serving = new SameDiffRecommender(modelName, model, parameters, hyperParameters, numItems);
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
    public int numItems() {
        return serving.numItems();
    }

    @Override
    public float[] score(Query query, int[] items) {
        return serving.score(query, items);
    }

    @Override
    public void save(OutputStream out) throws IOException {
        serving.save(out);
    }
}
