package org.marketlens.model.mdr;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RejectionSampler;
import org.marketlens.loss.bpr.BprLoss;
import org.marketlens.model.mdr.MdrModel.Terms;

class MdrKernelTest {
    /** Repeated users, songs and playlists (gradients of shared rows add up), a single row, a song at two roles. */
    private static final List<KernelBatch> BATCHES = List.of(
            new KernelBatch(new int[] {0, 1, 0, 2, 4, 1, 3}, new int[] {1, 1, 3, 0, 6, 3, 1}, 0, null, null,
                    new int[] {2, 0, 2, 5, 1, 0, 2}),
            new KernelBatch(new int[] {4}, new int[] {5}, 0, null, null, new int[] {3}));

    /** Scores and every gradient equal the graph's at the initial scale and with rows and metrics three times larger. */
    @Test
    void kernelEqualsGraph() {
        for (Terms terms : Terms.values()) {
            KernelCheck.assertEqualsGraph("MDR " + terms, new MdrModel(5, 6, 7, 8, 0.01, terms), BATCHES, 3, 1, 3);
        }
    }

    /**
     * Two epochs of BPR with λ = 0.01 through the kernel equal the graph from the same start and batches, so the
     * group feeding, the penalty's playlist rows and song biases, and Adam agree too.
     */
    @Test
    void trainingThroughTheKernelEqualsTheGraph() {
        InteractionData train = MdrModelTest.twoPlaylistsPerUser();
        for (Terms terms : List.of(Terms.UPS, Terms.PS)) {
            MdrModel model = new MdrModel(train.numUsers(), 40, train.numItems(), 8, 0.01, terms);
            KernelCheck.compareTraining("MDR", model, train, new NeuralSettings(0.001, 64, 2), MdrKernelTest::context)
                    .assertEquivalent(1e-5, 1e-4);
        }
    }

    private static FixedTrainingContext context() {
        return new FixedTrainingContext(9, 2, 2).with(Loss.class, "BPR", new BprLoss())
                .with(NegativeSampler.class, "uniform", new RejectionSampler())
                .validation(r -> OptionalDouble.empty());
    }
}
