package org.marketlens.framework.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.marketlens.api.nn.DifferentiableModel;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.framework.nn.Nd4jRuntime;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded parameters for model tests that compare a graph with hand-computed values, finite differences or a kernel:
 * every entry of every {@link DifferentiableModel#parameters()} tensor uniform in {@code [−0.5, 0.5)} (then the test's
 * overrides) or in {@code [−1, 1)}, in declaration order.
 */
public final class RandomParameters {
    private RandomParameters() {
    }

    /**
     * @param model     the model whose parameters to draw
     * @param seed      the seed
     * @param overrides tensors that replace drawn ones of the same name
     * @return a new map, in the model's parameter order, entries uniform in {@code [−0.5, 0.5)}
     */
    public static Map<String, INDArray> uniform(DifferentiableModel model, long seed,
            Map<String, INDArray> overrides) {
        Map<String, INDArray> p = draw(model, seed, x -> x - 0.5);
        p.putAll(overrides);
        return p;
    }

    /**
     * @param model the model whose parameters to draw
     * @param seed  the seed
     * @return a new map, in the model's parameter order, entries uniform in {@code [−1, 1)}
     */
    public static Map<String, INDArray> uniformUnit(DifferentiableModel model, long seed) {
        return draw(model, seed, x -> x * 2 - 1);
    }

    /** Every entry {@code scale(u)} for a fresh uniform {@code u} in {@code [0, 1)}, in declaration order. */
    private static Map<String, INDArray> draw(DifferentiableModel model, long seed, DoubleUnaryOperator scale) {
        Nd4jRuntime.ensureLoaded();
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, INDArray> p = new LinkedHashMap<>();
        for (ParameterSpec spec : model.parameters()) {
            INDArray a = Nd4j.create(DataType.FLOAT, spec.shape());
            INDArray flat = a.reshape(a.length());
            for (long k = 0; k < a.length(); k++) {
                flat.putScalar(k, (float) scale.applyAsDouble(r.nextDouble()));
            }
            p.put(spec.name(), a);
        }
        return p;
    }
}
