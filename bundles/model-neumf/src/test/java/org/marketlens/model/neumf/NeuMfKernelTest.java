package org.marketlens.model.neumf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RejectionSampler;
import org.marketlens.loss.bpr.BprLoss;

class NeuMfKernelTest {
    /** Repeated users and items (scatter-adds of one row from several rows), and a spread of other rows. */
    private static final KernelBatch REPEATED = new KernelBatch(new int[] {0, 0, 3, 0, 3, 1},
            new int[] {2, 2, 5, 6, 2, 0});
    private static final KernelBatch SPREAD = new KernelBatch(new int[] {4, 1, 2, 0, 3, 4, 2, 1, 0, 3, 4},
            new int[] {6, 0, 1, 3, 4, 5, 2, 6, 1, 0, 3});
    /**
     * Three rows: the first worker gets one. (A batch of one row fails in the graph itself, ND4J M1.1's
     * strided_slice_bp on NeuMF's [1, 2d] column halves.)
     */
    private static final KernelBatch SMALL = new KernelBatch(new int[] {2, 2, 0}, new int[] {4, 1, 4});

    private static void assertMatches(NeuMfModel model, String what) {
        long seed = 5;
        double worst = 0;
        for (KernelBatch batch : new KernelBatch[] {REPEATED, SPREAD, SMALL}) {
            // scale 10 gives logits of tens to hundreds and a different set of rectified units
            for (double scale : new double[] {1, 10}) {
                KernelCheck.Result r = KernelCheck.compare(model, batch, seed++, scale);
                assertTrue(r.worst() < 1e-4, what + ", " + batch.rows() + " rows, scale " + scale + ": " + r);
                worst = Math.max(worst, r.worst());
            }
        }
        System.out.printf("NeuMF kernel vs graph, %s: worst relative difference %.2e%n", what, worst);
    }

    @Test
    void kernelEqualsGraphForGmf() {
        assertMatches(new NeuMfModel(5, 7, 8, 1, 0.01, NeuMfModel.Part.GMF), "GMF");
    }

    @Test
    void kernelEqualsGraphForTheMlpAndNeuMfWithOneToThreeLayers() {
        for (int layers = 1; layers <= 3; layers++) {
            assertMatches(new NeuMfModel(5, 7, 8, layers, 0.01, NeuMfModel.Part.MLP), "MLP, " + layers + " layers");
            assertMatches(new NeuMfModel(5, 7, 8, layers, 0.01, NeuMfModel.Part.NEUMF),
                    "NeuMF, " + layers + " layers");
        }
    }

    /**
     * Training through the kernel equals training through the SameDiff graph (the reference) from the same initial
     * parameters and the same batches, for each part: 2 epochs of BPR with λ = 0.01, so the penalty's gradient and
     * Adam are compared too.
     */
    @Test
    void trainingThroughTheKernelEqualsTheGraph() {
        InteractionData train = clustered();
        // each part once, the towers with 2 layers, so the gradient between layers is trained through too
        for (NeuMfModel.Part part : NeuMfModel.Part.values()) {
            int layers = part == NeuMfModel.Part.GMF ? 1 : 2;
            NeuMfModel model = new NeuMfModel(train.numUsers(), train.numItems(), 8, layers, 0.01, part);
            KernelCheck.Training t = KernelCheck.compareTraining("NeuMF", model, train,
                    new NeuralSettings(0.001, 64, 2), NeuMfKernelTest::context);
            t.assertEquivalent(1e-5, 1e-4);
            System.out.printf("NeuMF training kernel vs graph, %s, %d layers: %s%n", part, layers, t.parameters());
        }
    }

    private static FixedTrainingContext context() {
        return new FixedTrainingContext(9, 2, 2).with(Loss.class, "BPR", new BprLoss())
                .with(NegativeSampler.class, "uniform", new RejectionSampler())
                .validation(r -> OptionalDouble.empty());
    }

    /** Two taste clusters of 30 users over 20 items each. */
    private static InteractionData clustered() {
        InteractionsBuilder b = Interactions.builder();
        SplittableRandom r = new SplittableRandom(7);
        for (int user = 0; user < 60; user++) {
            int base = user < 30 ? 0 : 20;
            for (int t = 0; t < 12; t++) {
                b.add("u" + user, "i" + (base + r.nextInt(20)), Float.NaN, t, -1);
            }
        }
        return b.build();
    }
}
