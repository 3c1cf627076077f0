package org.marketlens.api.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.osgi.annotation.versioning.ProviderType;

/** What the framework gives a {@link Loss} to build its objective with. */
@ProviderType
public interface LossGraph {
    /** @return the graph under construction */
    SameDiff sameDiff();

    /** @return the clean parameters (the ones the optimiser updates) */
    ParameterView parameters();

    /**
     * Creates, on first call, one non-trained noise variable {@code delta/<name>} per parameter, initialised to
     * zero, and returns the view {@code P + delta_P}. Noise values are set in {@link Loss#beforeStep}.
     *
     * @return the perturbed view
     */
    ParameterView perturbed();

    /** @return the batch inputs */
    TrainingInputs inputs();

    /**
     * @param params a view from {@link #parameters()} or {@link #perturbed()}
     * @param in     score inputs, usually {@code inputs().positive()} or {@code inputs().negative()}
     * @return the model's scores, shape {@code [batch]}
     */
    SDVariable score(ParameterView params, ScoreInputs in);

    /** @return the model's regularisation term on the clean parameters for this batch */
    SDVariable penalty();
}
