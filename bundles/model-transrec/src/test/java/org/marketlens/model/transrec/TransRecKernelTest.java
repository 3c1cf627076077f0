package org.marketlens.model.transrec;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.loss.bpr.BprLoss;

class TransRecKernelTest {
    /**
     * Repeated users and targets; rows 2 and 5 have no previous item (masked, padded with index 4); row 3's previous
     * item is its own target; row 6's user translation is scored from a previous item that is another row's target.
     */
    private static final KernelBatch BATCH = new KernelBatch(new int[] {0, 0, 3, 0, 3, 1, 2, 4},
            new int[] {2, 2, 5, 6, 2, 0, 1, 3}, 1, new int[] {1, 3, 4, 6, 1, 4, 2, 5},
            new float[] {1, 1, 0, 1, 1, 0, 1, 1});

    @Test
    void kernelEqualsGraph() {
        TransRecModel model = new TransRecModel(5, 7, 8, 0.01);
        // seeds 3 and 4; scale 300 makes the rows of order 3 (distances of order 10), where relative float error shows.
        KernelCheck.assertEqualsGraph("TransRec", model, List.of(BATCH), 3, 1, 300);
    }

    /**
     * Training through the kernel (KernelTraining: previous items, BPR, A-6 penalty, Adam) equals training through
     * the SameDiff graph from the same initial parameters and batches: 2 epochs with λ = 0.01, first items without a
     * previous one.
     */
    @Test
    void trainingThroughTheKernelEqualsTheGraph() {
        InteractionData data = KernelCheck.shortSequences();
        TransRecModel model = new TransRecModel(data.numUsers(), data.numItems(), 6, 0.01);
        KernelCheck.Training training = KernelCheck.compareTraining("TransRec", model, data,
                new NeuralSettings(0.001, 16, 2), TransRecKernelTest::context);
        training.assertEquivalent(1e-5, 1e-4);
        System.out.printf("TransRec training, kernel vs graph: largest parameter difference %.2e%n",
                training.largest());
    }

    private static FixedTrainingContext context() {
        return KernelCheck.trainingContext(9, new BprLoss());
    }
}
