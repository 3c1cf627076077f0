package org.marketlens.model.sdm;

import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.marketlens.framework.nn.kernel.KernelParameters;

/** Access to the package-private model for {@code bench.SdmKernelSpeed}. */
public final class SdmKernelBench {
    private SdmKernelBench() {
    }

    /** @return a tanh SDM with λ = 1e-4 */
    public static KernelModel model(int users, int items, int dim, int hops, int contextSize) {
        return model(users, items, dim, hops, contextSize, 0);
    }

    /** @return a tanh SDM with λ = 1e-4 and training-time dropout rate {@code dropout} */
    public static KernelModel model(int users, int items, int dim, int hops, int contextSize, double dropout) {
        return new SdmModel(users, items, dim, hops, contextSize, 1e-4, SdmModel.Activation.TANH, dropout);
    }

    /** @return every tensor uniform in (−0.1, 0.1) */
    public static KernelParameters initialParameters(KernelModel model, long seed) {
        return KernelParameters.copyOf(KernelCheck.randomParameters(model, seed, 0.1));
    }
}
