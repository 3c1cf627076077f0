package org.marketlens.model.mfbpr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.Loss;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.SameDiffTraining;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.KernelTraining;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RejectionSampler;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MfBprKernelTest {
    @Test
    void kernelEqualsGraph() {
        MfBprModel model = new MfBprModel(5, 7, 8, 0.01);
        // scale 300 makes the rows of order 3 (scores of order 70), where relative float error shows.
        KernelCheck.assertEqualsGraph("MF-BPR", model, KernelCheck.PAIR_BATCHES, 3, 1, 300);
    }

    /** Dot product and its gradient by hand: U[0] = (1, 2), V[1] = (3, −1) gives 1; ∂U[0] = g V[1], ∂V[1] = g U[0]. */
    @Test
    void scoreAndGradientByHand() {
        Map<String, INDArray> p = new LinkedHashMap<>();
        p.put(MfBprModel.USERS, Nd4j.createFromArray(new float[][] {{1, 2}}));
        p.put(MfBprModel.ITEMS, Nd4j.createFromArray(new float[][] {{0, 0}, {3, -1}}));
        KernelParameters parameters = KernelParameters.copyOf(p);
        KernelParameters gradients = parameters.zerosLike();
        ScoreKernel kernel = new MfBprModel(1, 2, 2, 0.5).kernel();
        KernelBatch batch = new KernelBatch(new int[] {0, 0}, new int[] {1, 1});
        ScoreKernel.Worker w = kernel.worker(parameters, 2);
        float[] scores = new float[2];
        w.forward(batch, 0, 2, scores);
        assertArrayEquals(new float[] {1, 1}, scores, 1e-6f);
        w.backward(batch, 0, 2, new float[] {2, 0.5f}, gradients);
        assertArrayEquals(new float[] {7.5f, -2.5f}, gradients.values(MfBprModel.USERS), 1e-6f);
        assertArrayEquals(new float[] {0, 0, 2.5f, 5f}, gradients.values(MfBprModel.ITEMS), 1e-6f);
        assertEquals(new ScoreKernel.RowPenalty(0.5, MfBprModel.USERS, MfBprModel.ITEMS, List.of()), kernel.penalty());
    }

    /**
     * Training through the kernel (KernelTraining: BPR, A-6 penalty, Adam) equals training through the SameDiff graph
     * from the same initial parameters and batches: 2 epochs with λ = 0.01.
     */
    @Test
    void trainingThroughTheKernelEqualsTheGraph() {
        InteractionsBuilder b = Interactions.builder();
        SplittableRandom r = new SplittableRandom(7);
        for (int u = 0; u < 30; u++) {
            for (int t = 0; t < 8; t++) {
                b.add("u" + u, "i" + ((u < 15 ? 0 : 10) + r.nextInt(10)), Float.NaN, t, -1);
            }
        }
        InteractionData data = b.build();
        MfBprModel model = new MfBprModel(data.numUsers(), data.numItems(), 8, 0.01);
        KernelCheck.Training training = KernelCheck.compareTraining("MF-BPR", model, data,
                new NeuralSettings(0.001, 16, 2), MfBprKernelTest::context);
        training.assertEquivalent(1e-5, 1e-4);
        System.out.printf("MF-BPR training, kernel vs graph: largest parameter difference %.2e%n", training.largest());
    }

    /**
     * {@code negativePooling=hardest} (thanhdtran/SDMR {@code model_rec.py}): training through the kernel, which
     * pools each positive's 3 negatives by argmax and scatters BPR's gradients back to the chosen rows, equals the
     * graph's reshape + max, from the same start and batches (sampled negatives repeat within a group, so ties occur;
     * 240 positives in batches of 7 leave a last batch of 2 groups).
     * Pooling must show: the objective of the last epoch lies above the per-triple one (a max of 3 negatives) and
     * the trained parameters differ.
     */
    @Test
    void hardestNegativePoolingThroughTheKernelEqualsTheGraphAndDiffersFromEach() {
        InteractionData data = clusteredData();
        MfBprModel model = new MfBprModel(data.numUsers(), data.numItems(), 8, 0.01);
        NeuralSettings hardest = new NeuralSettings(0.01, 7, 3, NeuralSettings.NegativePooling.HARDEST);
        KernelCheck.Training pooled = KernelCheck.compareTraining("MF-BPR", model, data, hardest,
                MfBprKernelTest::context);
        pooled.assertEquivalent(1e-5, 1e-4);
        KernelCheck.Training each = KernelCheck.compareTraining("MF-BPR", model, data,
                new NeuralSettings(0.01, 21, 3), MfBprKernelTest::context);
        each.assertEquivalent(1e-5, 1e-4);
        System.out.printf("MF-BPR hardest pooling, kernel vs graph: largest parameter difference %.2e;"
                + " last-epoch objective hardest %.5f, each %.5f%n", pooled.largest(), pooled.kernelLoss(),
                each.kernelLoss());
        assertTrue(pooled.kernelLoss() > each.kernelLoss() + 0.01,
                "hardest " + pooled.kernelLoss() + " vs each " + each.kernelLoss());
        Map<String, INDArray> a = KernelCheck.withKernels(true, () -> SameDiffTraining.train("MF-BPR", model, data,
                hardest, context(), p -> null));
        Map<String, INDArray> b = KernelCheck.withKernels(true, () -> SameDiffTraining.train("MF-BPR", model, data,
                new NeuralSettings(0.01, 21, 3), context(), p -> null));
        assertTrue(KernelCheck.largestDifference(a, b) > 1e-3, "pooled training equals per-triple training");
    }

    /**
     * {@code learningRateDecay} (the authors' StepLR): training through the kernel with the rate halved after every
     * epoch equals the graph (ND4J's StepSchedule by epoch) from the same start and batches, over 3 epochs (rates
     * 0.01, 0.005, 0.0025); and the decay shows: the result differs from the fixed rate's on both paths.
     */
    @Test
    void learningRateDecayThroughTheKernelEqualsTheGraphAndDiffersFromAFixedRate() {
        InteractionData data = clusteredData();
        MfBprModel model = new MfBprModel(data.numUsers(), data.numItems(), 8, 0.01);
        NeuralSettings decayed = new NeuralSettings(0.01, 16, 2, NeuralSettings.NegativePooling.EACH, 0.5, 1);
        NeuralSettings fixed = new NeuralSettings(0.01, 16, 2);
        KernelCheck.Training training = KernelCheck.compareTraining("MF-BPR", model, data, decayed,
                MfBprKernelTest::threeEpochs);
        training.assertEquivalent(1e-5, 1e-4);
        System.out.printf("MF-BPR learningRateDecay 0.5 every epoch, kernel vs graph: largest parameter difference"
                + " %.2e%n", training.largest());
        for (boolean kernels : new boolean[] {true, false}) {
            Map<String, INDArray> a = KernelCheck.withKernels(kernels, () -> SameDiffTraining.train("MF-BPR", model,
                    data, decayed, threeEpochs(), p -> null));
            Map<String, INDArray> b = KernelCheck.withKernels(kernels, () -> SameDiffTraining.train("MF-BPR", model,
                    data, fixed, threeEpochs(), p -> null));
            double difference = KernelCheck.largestDifference(a, b);
            assertTrue(difference > 1e-3, (kernels ? "kernel" : "graph") + ": decayed training ends " + difference
                    + " from the fixed rate's");
        }
    }

    private static FixedTrainingContext threeEpochs() {
        return new FixedTrainingContext(5, 3, 2).with(Loss.class, "BPR", new BprLoss())
                .with(NegativeSampler.class, "uniform", new RejectionSampler())
                .validation(x -> OptionalDouble.empty());
    }

    private static InteractionData clusteredData() {
        InteractionsBuilder b = Interactions.builder();
        SplittableRandom r = new SplittableRandom(7);
        for (int u = 0; u < 30; u++) {
            for (int t = 0; t < 8; t++) {
                b.add("u" + u, "i" + ((u < 15 ? 0 : 10) + r.nextInt(10)), Float.NaN, t, -1);
            }
        }
        return b.build();
    }

    private static FixedTrainingContext context() {
        return new FixedTrainingContext(9, 2, 2).with(Loss.class, "BPR", new BprLoss())
                .with(NegativeSampler.class, "uniform", new RejectionSampler())
                .validation(x -> OptionalDouble.empty());
    }
}
