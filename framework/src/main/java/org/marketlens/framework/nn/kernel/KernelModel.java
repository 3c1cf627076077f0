package org.marketlens.framework.nn.kernel;

import org.marketlens.api.nn.DifferentiableModel;

/** A {@link DifferentiableModel} that also has a hand-written {@link ScoreKernel} of its score graph. */
public interface KernelModel extends DifferentiableModel {
    /** @return the kernel, equal to {@link #score} and {@link #penalty} to float precision */
    ScoreKernel kernel();

    /**
     * @return whether {@link #kernel} is available; a composite (SDMR) has one only when its parts have. Without
     *         one, training and serving use the graph.
     */
    default boolean hasKernel() {
        return true;
    }
}
