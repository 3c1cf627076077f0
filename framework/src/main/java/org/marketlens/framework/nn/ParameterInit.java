package org.marketlens.framework.nn;

import java.util.SplittableRandom;
import org.marketlens.api.nn.ParameterSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Creates initial parameter arrays from their specs with a seeded Java random stream (independent of ND4J's RNG). */
final class ParameterInit {
    private ParameterInit() {
    }

    static INDArray create(ParameterSpec spec, SplittableRandom random) {
        long n = 1;
        for (long s : spec.shape()) {
            n *= s;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter " + spec.name() + " is too large: " + n + " entries");
        }
        float[] values = new float[(int) n];
        switch (spec.init()) {
            case NORMAL -> fillNormal(values, spec.scale(), random);
            case HE_NORMAL -> fillNormal(values, Math.sqrt(2.0 / spec.shape()[spec.shape().length - 1]), random);
            case CONSTANT -> java.util.Arrays.fill(values, (float) spec.scale());
            case UNIFORM -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (spec.scale() * random.nextDouble());
                }
            }
        }
        return Nd4j.create(values, spec.shape(), 'c');
    }

    private static void fillNormal(float[] values, double std, SplittableRandom random) {
        for (int i = 0; i < values.length; i++) {
            // Box-Muller on the split stream keeps initialisation reproducible per seed.
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            values[i] = (float) (std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
    }
}
