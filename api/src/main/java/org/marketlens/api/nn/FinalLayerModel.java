package org.marketlens.api.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A distance model whose distance is an edge-weight layer over a final vector of non-negative per-dimension
 * distances: {@code e^(ℓ+1)} of SDP (Eq. 5.5) and {@code e^(H)} of SDM (Eq. 5.19). A fusion (SDMR, Eq. 5.21)
 * rebuilds these vectors from frozen trained parameters instead of copying the model's code.
 *
 * @since 0.2.0
 */
@ConsumerType
public interface FinalLayerModel extends DifferentiableModel {
    /** @return the width of the final vector */
    int finalVectorSize();

    /**
     * @param sd     the graph
     * @param params the parameter view
     * @param in     the score inputs (with context when {@link #contextSize()} is positive)
     * @return the final vectors, {@code [batch, finalVectorSize()]}
     */
    SDVariable finalVectors(SameDiff sd, ParameterView params, ScoreInputs in);
}
