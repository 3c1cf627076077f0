package org.marketlens.api.nn;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.osgi.annotation.versioning.ConsumerType;

/** A training objective registered with {@code marketlens.name} (e.g. {@code BPR}, {@code APR}). */
@ConsumerType
public interface Loss {
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
