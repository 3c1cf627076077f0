package org.marketlens.model.sdp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.loss.bpr.BprLoss;

class SdpKernelTest {
    /** Repeated users and items (scatter-adds of one row from several rows), and a spread of other rows. */
    private static final KernelBatch REPEATED = new KernelBatch(new int[] {0, 0, 3, 0, 3, 1},
            new int[] {2, 2, 5, 6, 2, 0});
    private static final KernelBatch SPREAD = new KernelBatch(new int[] {4, 1, 2, 0, 3, 4, 2, 1, 0, 3, 4},
            new int[] {6, 0, 1, 3, 4, 5, 2, 6, 1, 0, 3});

    private static void assertMatches(SdpModel model, String what) {
        long seed = 5;
        for (KernelBatch batch : new KernelBatch[] {REPEATED, SPREAD}) {
            // scale 10 drives the tanh units into saturation, where 1 − tanh² matters.
            for (double scale : new double[] {1, 10}) {
                KernelCheck.Result r = KernelCheck.compare(model, batch, seed++, scale);
                assertTrue(r.worst() < 1e-4, what + ", " + batch.rows() + " rows, scale " + scale + ": " + r);
            }
        }
    }

    @Test
    void kernelEqualsGraphForOneToThreeTanhLayers() {
        for (int layers = 1; layers <= 3; layers++) {
            assertMatches(new SdpModel(5, 7, 8, layers, 0.01), layers + " tanh layers");
        }
    }

    @Test
    void kernelEqualsGraphWithTheIdentity() {
        for (int layers = 1; layers <= 2; layers++) {
            assertMatches(new SdpModel(5, 7, 8, layers, 0.01, false), layers + " identity layers");
        }
    }

    /**
     * Training through the kernel equals training through the SameDiff graph (the reference) from the same initial
     * parameters and the same batches: 2 epochs of 23 BPR steps with λ = 0.01, so the penalty's gradient and Adam
     * are compared too. {@code b_o} is left out: BPR's objective does not depend on it (it cancels in
     * {@code score_neg − score_pos} and is not penalised), so its gradient is 0 up to rounding, and Adam turns the
     * graph's rounding residue of about 1e-9 into steps of a fraction of the learning rate; the kernel sums that
     * gradient in double, which keeps the residue far below Adam's ε.
     */
    @Test
    void trainingThroughTheKernelEqualsTheGraph() {
        InteractionData train = KernelCheck.clustered();
        for (int layers = 1; layers <= 2; layers++) {
            SdpModel model = new SdpModel(train.numUsers(), train.numItems(), 8, layers, 0.01);
            KernelCheck.compareTraining("SDP", model, train, new NeuralSettings(0.001, 64, 2), SdpKernelTest::context)
                    .assertEquivalent(1e-5, 1e-4, SdpModel.EDGE_BIAS);
        }
    }

    private static FixedTrainingContext context() {
        return new FixedTrainingContext(9, 2, 2).with(Loss.class, "BPR", new BprLoss())
                .with(NegativeSampler.class, "uniform", SdpModelTest.UNIFORM)
                .validation(r -> OptionalDouble.empty());
    }
}
