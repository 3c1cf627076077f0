package org.marketlens.framework.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.marketlens.api.nn.DifferentiableModel;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.framework.nn.Nd4jRuntime;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded parameters for model tests that compare a graph with hand-computed values, finite differences or a kernel:
 * every entry of every {@link DifferentiableModel#parameters()} tensor uniform in {@code [−0.5, 0.5)}, in declaration
 * order, then the test's overrides.
 */
public final class RandomParameters {
    private RandomParameters() {
    }

    /**
     * @param model     the model whose parameters to draw
     * @param seed      the seed
     * @param overrides tensors that replace drawn ones of the same name
     * @return a new map, in the model's parameter order
     */
    public static Map<String, INDArray> uniform(DifferentiableModel model, long seed,
            Map<String, INDArray> overrides) {
        Nd4jRuntime.ensureLoaded();
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, INDArray> p = new LinkedHashMap<>();
        for (ParameterSpec spec : model.parameters()) {
            INDArray a = Nd4j.create(DataType.FLOAT, spec.shape());
            INDArray flat = a.reshape(a.length());
            for (long k = 0; k < a.length(); k++) {
                flat.putScalar(k, (float) (r.nextDouble() - 0.5));
            }
            p.put(spec.name(), a);
        }
        p.putAll(overrides);
        return p;
    }
}
