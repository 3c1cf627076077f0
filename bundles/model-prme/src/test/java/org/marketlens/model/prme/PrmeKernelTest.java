package org.marketlens.model.prme;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.loss.bpr.BprLoss;

class PrmeKernelTest {
    private static final int[] USERS = {0, 0, 3, 0, 3, 1, 2, 4};
    /** Repeated targets, a target that is also in its own context (row 1), items repeated across rows. */
    private static final int[] ITEMS = {2, 2, 5, 6, 2, 0, 1, 3};

    /**
     * A batch of {@link #USERS} and {@link #ITEMS} with context size {@code s}: row r's window is full, padded at
     * the front (r % 3 == 1: only the newest slot valid) or empty (r % 3 == 2, every slot padded with index 4).
     */
    private static KernelBatch batch(int s) {
        int rows = USERS.length;
        int[] context = new int[rows * s];
        float[] mask = new float[rows * s];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < s; k++) {
                boolean valid = r % 3 == 0 || (r % 3 == 1 && k == s - 1);
                context[r * s + k] = valid ? (r * 3 + k * 5) % 7 : 4;
                mask[r * s + k] = valid ? 1 : 0;
            }
        }
        context[s * 2 - 1] = ITEMS[1];
        return new KernelBatch(USERS, ITEMS, s, context, mask);
    }

    @Test
    void kernelEqualsGraphForOneAndFiveContextItems() {
        long seed = 11;
        for (int s : new int[] {1, 5}) {
            for (double alpha : new double[] {0.2, 0.8}) {
                PrmeModel model = new PrmeModel(5, 7, 8, s, alpha, 0.01);
                // scale 300 makes the rows of order 3 (distances of order 100), where relative float error shows.
                KernelCheck.assertEqualsGraph("PRME, s " + s + ", α " + alpha + ",", model, List.of(batch(s)), seed,
                        1, 300);
                seed += 2;
            }
        }
    }

    /**
     * Training through the kernel (KernelTraining: context windows, BPR, A-6 penalty, Adam) equals training through
     * the SameDiff graph from the same initial parameters and batches: 2 epochs with λ = 0.01 on sequences with short
     * histories (padded and empty windows), s = 1 and s = 3.
     */
    @Test
    void trainingThroughTheKernelEqualsTheGraph() {
        InteractionData data = KernelCheck.shortSequences();
        for (int s : new int[] {1, 3}) {
            PrmeModel model = new PrmeModel(data.numUsers(), data.numItems(), 6, s, 0.5, 0.01);
            KernelCheck.Training training = KernelCheck.compareTraining("PRME", model, data,
                    new NeuralSettings(0.001, 16, 2), PrmeKernelTest::context);
            training.assertEquivalent(1e-5, 1e-4);
            System.out.printf("PRME training, kernel vs graph, s = %d: largest parameter difference %.2e%n", s,
                    training.largest());
        }
    }

    private static FixedTrainingContext context() {
        return KernelCheck.trainingContext(9, new BprLoss());
    }
}
