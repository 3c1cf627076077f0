package org.marketlens.api.nn;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marketlens.api.rec.HyperParameter;
import org.nd4j.autodiff.samediff.SDVariable;
import org.osgi.annotation.versioning.ConsumerType;

/** A training objective registered with {@code marketlens.name} (e.g. {@code BPR}, {@code APR}). */
@ConsumerType
public interface Loss {
    /** @return the loss's own hyper-parameters with defaults (e.g. APR's epsilon) */
    default List<HyperParameter> hyperParameters() {
        return List.of();
    }

    /**
     * @param params values from the experiment spec; unknown names are an error
     * @return a loss configured with those values (this loss when it has no hyper-parameters and none are given)
     */
    default Loss configure(Map<String, Object> params) {
        if (!params.isEmpty()) {
            throw new IllegalArgumentException("this loss has no hyper-parameters, got " + params.keySet());
        }
        return this;
    }

    /**
     * @param graph the model's score graph and batch inputs
     * @return the scalar objective to minimise
     */
    SDVariable objective(LossGraph graph);

    /**
     * Runs before every optimiser step with the batch fed, e.g. to set adversarial noise.
     *
     * @param step the step state
     */
    default void beforeStep(StepState step) {
    }

    /**
     * @return the loss to train with first, continuing from its best checkpoint with this loss
     *         (APR's step 1, MODELS.md §3.8), or empty
     */
    default Optional<String> pretrainWith() {
        return Optional.empty();
    }
}
