package org.marketlens.model.neumf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.loss.bpr.BprLoss;

class NeuMfKernelTest {
    /**
     * {@link KernelCheck#PAIR_BATCHES} (repeated users and items, then a spread of other rows) and three rows, where
     * the first worker gets one. (A batch of one row fails in the graph itself, ND4J M1.1's strided_slice_bp on
     * NeuMF's [1, 2d] column halves.)
     */
    private static final List<KernelBatch> BATCHES = List.of(KernelCheck.PAIR_BATCHES.get(0),
            KernelCheck.PAIR_BATCHES.get(1), new KernelBatch(new int[] {2, 2, 0}, new int[] {4, 1, 4}));

    private static void assertMatches(NeuMfModel model, String what) {
        // seeds 5.., scale 10 gives logits of tens to hundreds and a different set of rectified units
        KernelCheck.assertEqualsGraph("NeuMF, " + what + ",", model, BATCHES, 5, 1, 10);
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
        InteractionData train = KernelCheck.clustered();
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
        return KernelCheck.trainingContext(9, new BprLoss());
    }
}
