package org.marketlens.model.mass;

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
import org.marketlens.model.mass.MassModel.Attention;
import org.marketlens.model.mass.MassModel.Memory;
import org.nd4j.linalg.api.ndarray.INDArray;

class MassKernelTest {
    private static final int S = 5;

    /**
     * Rows as the trainer lays them out over 5 users and 9 songs (users, songs and members repeat, so rows scatter
     * into shared gradient rows): triple t has t mod 6 members (0 to 5: empty, one-member and full windows; padding
     * slots hold arbitrary songs).
     */
    private static List<KernelBatch> batches() {
        return List.of(KernelCheck.triples(5, 9, 24, S, 3, (triple, r, context, mask) -> {
            for (int k = 0; k < S; k++) {
                context[k] = r.nextInt(9);
                mask[k] = k < triple % 6 ? 1f : 0f;
            }
        }));
    }

    /** Scores and gradients of every Table 4.6 variant equal the graph's, at scale 1 and a saturating scale 4. */
    @Test
    void kernelEqualsTheGraphForEveryVariant() {
        for (Attention attention : Attention.values()) {
            for (Memory memory : Memory.values()) {
                KernelCheck.assertEqualsGraph("MASS " + attention + "/" + memory,
                        new MassModel(5, 9, 6, S, 0.01, attention, memory), batches(), 51, 1, 4);
            }
        }
    }

    @Test
    void penaltyPenalisesBothTablesAndTheDenseWeights() {
        ScoreKernel.RowPenalty metric = new MassModel(5, 9, 6, S, 0.25, Attention.METRIC, Memory.EXTERNAL).kernel()
                .penalty();
        assertEquals(new ScoreKernel.RowPenalty(0.25, MassModel.USER_MEMORY, MassModel.SONG_MEMORY,
                List.of(MassModel.W1, MassModel.W2, MassModel.METRIC, MassModel.ATTENTION_METRIC)), metric);
        ScoreKernel.RowPenalty dot = new MassModel(5, 9, 6, S, 0.25, Attention.DOT, Memory.SHARED).kernel().penalty();
        assertEquals(List.of(MassModel.W1, MassModel.W2, MassModel.METRIC), dot.dense(), "the dot attention has no B4");
    }

    /**
     * BPR training (λ > 0) through the kernel equals the graph from the same start on playlist data, for the
     * proposed variant and the shared dot variant, and the kernel serves the graph's scores.
     */
    @Test
    void trainingThroughTheKernelEqualsTheGraph() {
        InteractionData data = MassRecommenderTest.pooledPlaylists();
        for (Memory memory : Memory.values()) {
            Attention attention = memory == Memory.EXTERNAL ? Attention.METRIC : Attention.DOT;
            MassModel model = new MassModel(data.numUsers(), data.numItems(), 6, 4, 0.01, attention, memory);
            KernelCheck.Training training = KernelCheck.compareTraining("MASS", model, data,
                    new NeuralSettings(0.01, 32, 2), () -> KernelCheck.trainingContext(9, new BprLoss()));
            training.assertEquivalent(1e-5, 1e-4);
            System.out.printf("MASS %s/%s training, kernel vs graph: largest parameter difference %.2e%n", attention,
                    memory, training.largest());

            Map<String, INDArray> parameters = KernelCheck.randomParameters(model, 5);
            Query query = new Query(1, 3, new int[] {3, 0, 7, 3, 11});
            int[] items = {0, 1, 2, 3, 7, 12, 19};
            float[] kernel = KernelCheck.withKernels(true, () -> new SameDiffRecommender("MASS", model, parameters,
                    Map.of(), data.numItems()).score(query, items));
            float[] graph = KernelCheck.withKernels(false, () -> new SameDiffRecommender("MASS", model, parameters,
                    Map.of(), data.numItems()).score(query, items));
            assertArrayEquals(graph, kernel, 1e-5f);
        }
    }
}
