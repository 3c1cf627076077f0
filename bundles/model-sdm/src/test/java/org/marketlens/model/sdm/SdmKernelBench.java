package org.marketlens.model.sdm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.framework.nn.Nd4jRuntime;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
        Nd4jRuntime.ensureLoaded();
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> parameters = new LinkedHashMap<>();
        for (ParameterSpec spec : model.parameters()) {
            long size = 1;
            for (long x : spec.shape()) {
                size *= x;
            }
            float[] values = new float[(int) size];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (0.2 * random.nextDouble() - 0.1);
            }
            parameters.put(spec.name(), Nd4j.create(values, spec.shape(), 'c'));
        }
        return KernelParameters.copyOf(parameters);
    }
}
