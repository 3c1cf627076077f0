package org.marketlens.model.fism;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.Query;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.linalg.api.ndarray.INDArray;

class FismKernelTest {
    private static final int S = 6;

    /**
     * Rows as the trainer lays them out over 9 items, so the scored item is often one of its own members (excluded,
     * t ≠ k) and members repeat: triple t has t mod 7 members (0 to 6, padding slots hold arbitrary items), plus a
     * hand-made batch whose rows have no member but the scored item itself.
     */
    private static List<KernelBatch> batches() {
        KernelBatch random = KernelCheck.triples(5, 9, 24, S, 3, (triple, r, context, mask) -> {
            for (int k = 0; k < S; k++) {
                context[k] = r.nextInt(9);
                mask[k] = k < triple % 7 ? 1f : 0f;
            }
        });
        KernelBatch selfOnly = new KernelBatch(new int[] {0, 1, 0, 1}, new int[] {4, 2, 4, 7}, S,
                new int[] {4, 4, 0, 0, 0, 0, 2, 1, 1, 1, 1, 1, 4, 4, 0, 0, 0, 0, 2, 3, 5, 1, 1, 1},
                new float[] {1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0});
        return List.of(random, selfOnly);
    }

    @Test
    void kernelEqualsTheGraph() {
        for (double alpha : new double[] {0, 0.5, 1}) {
            KernelCheck.assertEqualsGraph("FISM alpha " + alpha, new FismModel(9, 8, S, alpha, 0.01), batches(), 41,
                    1, 20);
        }
    }

    @Test
    void penaltyPenalisesCandidateAndMemberRows() {
        ScoreKernel.RowPenalty penalty = new FismModel(9, 8, S, 0.5, 0.25).kernel().penalty();
        assertEquals(new ScoreKernel.RowPenalty(0.25, null, FismModel.CANDIDATES, List.of(), FismModel.MEMBERS),
                penalty);
    }

    /**
     * BPR training (λ > 0, so the member-row penalty counts) through the kernel equals the graph from the same start
     * on grouped data, and the kernel serves the graph's scores.
     */
    @Test
    void trainingThroughTheKernelEqualsTheGraph() {
        InteractionData data = FismModelTest.groupedClusters();
        FismModel model = new FismModel(data.numItems(), 8, 8, 0.5, 0.01);
        KernelCheck.Training training = KernelCheck.compareTraining("FISM", model, data,
                new NeuralSettings(0.01, 32, 2), () -> KernelCheck.trainingContext(9, new BprLoss()));
        training.assertEquivalent(1e-5, 1e-4);
        System.out.printf("FISM training, kernel vs graph: largest parameter difference %.2e%n", training.largest());

        Map<String, INDArray> parameters = KernelCheck.randomParameters(model, 5);
        Query query = new Query(1, InteractionData.NO_GROUP, new int[] {3, 0, 7, 3});
        int[] items = {0, 1, 2, 3, 7, 12, 39};
        float[] kernel = KernelCheck.withKernels(true,
                () -> new SameDiffRecommender("FISM", model, parameters, Map.of(), data.numItems()).score(query, items));
        float[] graph = KernelCheck.withKernels(false,
                () -> new SameDiffRecommender("FISM", model, parameters, Map.of(), data.numItems()).score(query, items));
        assertArrayEquals(graph, kernel, 1e-5f);
    }
}
