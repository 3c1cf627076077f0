package org.marketlens.api.rec;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.InteractionData;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The trainer side of a model, registered as a service with {@link PluginProperties#NAME} (the
 * dissertation's spelling, e.g. {@code MF-BPR}) and {@link PluginProperties#TASKS}.
 */
@ConsumerType
public interface ModelProvider {
    /** @return every hyper-parameter with its default */
    List<HyperParameter> hyperParameters();

    /**
     * Trains a model.
     *
     * @param train  training interactions
     * @param params hyper-parameter values; missing ones take their defaults, unknown ones are an error
     * @param ctx    seed, epochs, validation, progress, loss and sampler
     * @return the trained model (for iterative models: the best validation checkpoint)
     */
    Recommender train(InteractionData train, Map<String, Object> params, TrainingContext ctx);

    /**
     * Restores a model written by {@link Recommender#save}.
     *
     * @param in source, not closed
     * @return the model
     * @throws IOException on a read failure or a snapshot of another model
     */
    Recommender load(InputStream in) throws IOException;
}
