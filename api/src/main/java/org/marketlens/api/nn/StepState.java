package org.marketlens.api.nn;

import java.util.Collection;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.annotation.versioning.ProviderType;

/** The state of one optimiser step, handed to {@link Loss#beforeStep} with the batch already fed. */
@ProviderType
public interface StepState {
    /** @return names of the model's parameters */
    Collection<String> parameterNames();

    /** @return the current value of a parameter (do not modify) */
    INDArray parameter(String name);

    /** @return the noise array of a parameter created by {@link LossGraph#perturbed()}, to be overwritten */
    INDArray noise(String name);

    /**
     * Computes gradients of the objective at the current batch and parameter values.
     *
     * @param variables variable names: parameter names or {@code delta/<name>} noise names
     * @return gradient per name
     */
    Map<String, INDArray> gradients(Collection<String> variables);
}
