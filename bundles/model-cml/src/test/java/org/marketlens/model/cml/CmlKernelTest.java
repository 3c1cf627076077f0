package org.marketlens.model.cml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CmlKernelTest {
    @Test
    void kernelEqualsGraph() {
        CmlModel model = new CmlModel(5, 7, 8, 0.01);
        // scale 300 makes the rows of order 3 (scores of order 100), where relative float error shows.
        KernelCheck.assertEqualsGraph("CML", model, KernelCheck.PAIR_BATCHES, 3, 1, 300);
    }

    /** U[0] = (1, 2), V[1] = (3, −1): score −(4 + 9) = −13, ∂U[0] = −2g (−2, 3), ∂V[1] = 2g (−2, 3). */
    @Test
    void scoreAndGradientByHand() {
        Map<String, INDArray> p = new LinkedHashMap<>();
        p.put(CmlModel.USERS, Nd4j.createFromArray(new float[][] {{1, 2}}));
        p.put(CmlModel.ITEMS, Nd4j.createFromArray(new float[][] {{0, 0}, {3, -1}}));
        KernelParameters parameters = KernelParameters.copyOf(p);
        KernelParameters gradients = parameters.zerosLike();
        ScoreKernel.Worker w = new CmlModel(1, 2, 2, 0).kernel().worker(parameters, 1);
        KernelBatch batch = new KernelBatch(new int[] {0}, new int[] {1});
        float[] scores = new float[1];
        w.forward(batch, 0, 1, scores);
        assertArrayEquals(new float[] {-13}, scores, 1e-6f);
        w.backward(batch, 0, 1, new float[] {0.5f}, gradients);
        assertArrayEquals(new float[] {2, -3}, gradients.values(CmlModel.USERS), 1e-6f);
        assertArrayEquals(new float[] {0, 0, -2, 3}, gradients.values(CmlModel.ITEMS), 1e-6f);
    }
}
