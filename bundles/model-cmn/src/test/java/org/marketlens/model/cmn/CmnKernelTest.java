package org.marketlens.model.cmn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.Query;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.Nd4jRuntime;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CmnKernelTest {
    private static final int USERS = 5;
    private static final int ITEMS = 7;
    private static final int CAP = 3;

    /**
     * {@code [ids | slot mask]} per item: full (0, 6), an empty slot holding user 0 (1), one neighbour (2, 3), none
     * (4), user 0 as a real neighbour (5).
     */
    private static INDArray table() {
        Nd4jRuntime.ensureLoaded();
        return Nd4j.createFromArray(new float[][] {
                {1, 2, 3, 1, 1, 1},
                {0, 4, 0, 1, 1, 0},
                {2, 0, 0, 1, 0, 0},
                {3, 0, 0, 1, 0, 0},
                {0, 0, 0, 0, 0, 0},
                {4, 1, 0, 1, 1, 1},
                {1, 3, 2, 1, 1, 1}});
    }

    /**
     * Repeated users and items, the query user among the neighbours (0 with item 1 or 5, 2 with item 0), rows left
     * without any valid neighbour (user 3 with item 3, item 4), and two workers' halves.
     */
    private static final KernelBatch EDGES = new KernelBatch(new int[] {0, 0, 3, 0, 3, 1, 2, 4, 0},
            new int[] {2, 1, 3, 5, 4, 0, 0, 5, 1});
    private static final KernelBatch SPREAD = new KernelBatch(new int[] {4, 1, 2, 0, 3, 4, 2, 1, 0, 3, 4},
            new int[] {6, 0, 1, 3, 4, 5, 2, 6, 1, 0, 3});

    @Test
    void kernelEqualsGraphForOneToThreeHops() {
        for (int hops = 1; hops <= 3; hops++) {
            CmnModel model = new CmnModel(USERS, ITEMS, 8, hops, CAP, 0.01, table());
            // scale 10 makes the attention peaked and the ReLUs' pattern different from scale 1's. (At scale 30 the
            // attention is one-hot, so W^h's gradient, which reaches it only through the next hop's softmax, is a
            // float cancellation residue; kernel and graph then differ by 1e-4 of it.)
            KernelCheck.assertEqualsGraph("CMN, " + hops + " hops,", model, List.of(EDGES, SPREAD), 5, 1, 10);
        }
    }

    /**
     * A served model (no table of its own, the table among its parameters, as a loaded snapshot has it) scores
     * through the kernel as the graph does.
     */
    @Test
    void servingFromTheTableAmongTheParametersEqualsTheGraph() {
        CmnModel model = new CmnModel(USERS, ITEMS, 8, 2, CAP, 0.01, null);
        // uniform in [−1, 1]: non-zero biases, peaked attention, some rectified units
        Map<String, INDArray> parameters = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        model.parameters().forEach(spec -> {
            INDArray a = Nd4j.create(DataType.FLOAT, spec.shape());
            for (long k = 0; k < a.length(); k++) {
                a.putScalar(k, random.nextDouble(-1, 1));
            }
            parameters.put(spec.name(), a);
        });
        parameters.put(CmnModel.NEIGHBOURHOOD, table());
        float[][] kernel = scoreAll(model, parameters, true);
        float[][] graph = scoreAll(model, parameters, false);
        for (int user = 0; user < USERS; user++) {
            assertArrayEquals(graph[user], kernel[user], 1e-4f, "user " + user);
        }
    }

    private static float[][] scoreAll(CmnModel model, Map<String, INDArray> parameters, boolean kernels) {
        return KernelCheck.withKernels(kernels, () -> {
            SameDiffRecommender r = new SameDiffRecommender("CMN", model, parameters, Map.of(), ITEMS);
            float[][] scores = new float[USERS][];
            for (int user = 0; user < USERS; user++) {
                scores[user] = r.score(Query.of(user), new int[] {0, 1, 2, 3, 4, 5, 6});
            }
            return scores;
        });
    }

    /**
     * Training through the kernel equals training through the SameDiff graph (the reference) from the same initial
     * parameters and the same batches: 2 epochs of BPR with λ = 0.01 on 1 and 2 hops, neighbourhoods capped at 5
     * of the items' 5 to 25 users. (The graph is reproducible only on one OpenMP thread, which the build's test
     * configuration sets: see the root pom.)
     */
    @Test
    void trainingThroughTheKernelEqualsTheGraph() {
        InteractionData train = KernelCheck.clustered();
        INDArray table = Neighbourhoods.build(train, 5, 1);
        for (int hops = 1; hops <= 2; hops++) {
            CmnModel model = new CmnModel(train.numUsers(), train.numItems(), 8, hops, 5, 0.01, table);
            KernelCheck.Training t = KernelCheck.compareTraining("CMN", model, train,
                    new NeuralSettings(0.001, 64, 2), CmnKernelTest::context);
            t.assertEquivalent(1e-5, 1e-4);
            System.out.printf("CMN training kernel vs graph, %d hops: %s%n", hops, t.parameters());
        }
    }

    private static FixedTrainingContext context() {
        return KernelCheck.trainingContext(9, new BprLoss());
    }
}
