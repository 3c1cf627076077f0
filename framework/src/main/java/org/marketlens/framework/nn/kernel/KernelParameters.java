package org.marketlens.framework.nn.kernel;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Named parameter (or gradient) tensors as flat row-major float arrays with their shapes: the layout a
 * {@link ScoreKernel} reads and writes. Entry {@code [r, c]} of a 2-d tensor of shape {@code [rows, cols]} is
 * {@code values(name)[r * cols + c]}.
 */
public final class KernelParameters {
    private final Map<String, float[]> values;
    private final Map<String, long[]> shapes;

    private KernelParameters(Map<String, float[]> values, Map<String, long[]> shapes) {
        this.values = values;
        this.shapes = shapes;
    }

    /** @return a float copy of every array, in the map's order */
    public static KernelParameters copyOf(Map<String, INDArray> arrays) {
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        arrays.forEach((name, array) -> {
            values.put(name, array.castTo(DataType.FLOAT).dup('c').data().asFloat());
            shapes.put(name, array.shape().clone());
        });
        return new KernelParameters(values, shapes);
    }

    /** @return zero tensors of the same names and shapes (gradient accumulators) */
    public KernelParameters zerosLike() {
        Map<String, float[]> zeros = new LinkedHashMap<>();
        values.forEach((name, v) -> zeros.put(name, new float[v.length]));
        return new KernelParameters(zeros, shapes);
    }

    /** @return the tensor's values, the live array (writes are visible) */
    public float[] values(String name) {
        float[] v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; have " + values.keySet());
        }
        return v;
    }

    /** @return the tensor's shape (a copy) */
    public long[] shape(String name) {
        values(name);
        return shapes.get(name).clone();
    }

    /** @return the names, in declaration order */
    public Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** Sets every tensor to zero. */
    public void clear() {
        values.values().forEach(v -> Arrays.fill(v, 0f));
    }

    /** Adds {@code other}'s tensors (same names and shapes) to these. */
    public void add(KernelParameters other) {
        values.forEach((name, v) -> {
            float[] o = other.values(name);
            for (int i = 0; i < v.length; i++) {
                v[i] += o[i];
            }
        });
    }

    /** Copies every tensor into the array of the same name (same shape), e.g. back into the trainer's parameters. */
    public void copyTo(Map<String, INDArray> arrays) {
        values.forEach((name, v) -> {
            INDArray target = arrays.get(name);
            target.assign(Nd4j.create(v, shapes.get(name), 'c').castTo(target.dataType()));
        });
    }
}
