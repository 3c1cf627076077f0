package org.marketlens.model.cmn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.TieRule;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.data.LeaveOneOutSplitter;
import org.marketlens.framework.eval.HitRate;
import org.marketlens.framework.eval.Ndcg;
import org.marketlens.framework.eval.RankingEvaluation;
import org.marketlens.framework.nn.GradientCheck;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.Nd4jRuntime;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RandomParameters;
import org.marketlens.framework.testing.RejectionSampler;
import org.marketlens.loss.apr.AprLoss;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CmnModelTest {
    /** Item 0: neighbours users 1, 2; item 1: user 1 and one empty slot holding {@code padding}. */
    private static INDArray table(int padding) {
        Nd4jRuntime.ensureLoaded();
        return Nd4j.createFromArray(new float[][] {{1, 2, 1, 1}, {1, padding, 1, 0}});
    }

    /**
     * d = 2 with every second coordinate 0, so the numbers are those of d = 1 (ND4J 1.0.0-M1.1 fails on reductions
     * over an axis of length 1, which d = 1 would need).
     */
    private static Map<String, INDArray> tinyWeights() {
        Map<String, INDArray> p = new LinkedHashMap<>();
        // [m | c] per user
        p.put(CmnModel.USER_MEMORY, Nd4j.createFromArray(new float[][] {{1, 0, 0, 0}, {2, 0, 3, 0}, {-1, 0, 5, 0}}));
        p.put(CmnModel.ITEM_MEMORY, Nd4j.createFromArray(new float[][] {{0.5f, 0}, {1, 0}}));
        p.put(CmnModel.U, Nd4j.createFromArray(new float[][] {{2, 0}, {0, 0}}));
        p.put(CmnModel.W, Nd4j.createFromArray(new float[][] {{1, 0}, {0, 0}}));
        p.put(CmnModel.B, Nd4j.createFromArray(new float[] {0.1f, 0}));
        p.put(CmnModel.V, Nd4j.createFromArray(new float[] {0.5f, 0}));
        return p;
    }

    @Test
    void handComputedSingleHopWithoutTheQueryUserAndPadding() {
        CmnModel model = new CmnModel(3, 2, 2, 1, 2, 0, table(0));
        SameDiffRecommender r = new SameDiffRecommender("CMN", model, tinyWeights(), Map.of(), 2);
        // (u0, i0): z = m_0 + e_0 = 1.5; q = (1.5·2, 1.5·(−1)) = (3, −1.5); p_1 = 1 / (1 + e^−4.5);
        // o = 3 p_1 + 5 (1 − p_1); score = 0.5 · relu(2 · (1 · 0.5) + 0.1 + o).
        double p1 = 1 / (1 + Math.exp(-4.5));
        double o = 3 * p1 + 5 * (1 - p1);
        float[] u0 = r.score(Query.of(0), new int[] {0, 1});
        // (u0, i1): the only valid neighbour is user 1: o = 3; score = 0.5 · (2 · 1 · 1 + 0.1 + 3).
        assertArrayEquals(new float[] {(float) (0.5 * (1.1 + o)), 2.55f}, u0, 1e-5f);
        // (u1, i0): user 1 is not its own neighbour: only user 2, o = 5; score = 0.5 · (2 · 2 · 0.5 + 0.1 + 5).
        // (u1, i1): no neighbour left, o = 0; score = 0.5 · (2 · 2 · 1 + 0.1).
        assertArrayEquals(new float[] {3.55f, 2.05f}, r.score(Query.of(1), new int[] {0, 1}), 1e-5f);
    }

    @Test
    void emptySlotsDoNotContributeWhateverTheyHoldAndScoringIsDeterministic() {
        CmnModel zero = new CmnModel(4, 2, 3, 3, 2, 0, table(0));
        CmnModel three = new CmnModel(4, 2, 3, 3, 2, 0, table(3));
        Map<String, INDArray> p = RandomParameters.uniformUnit(zero, 4);
        SameDiffRecommender a = new SameDiffRecommender("CMN", zero, p, Map.of(), 2);
        SameDiffRecommender b = new SameDiffRecommender("CMN", three, p, Map.of(), 2);
        for (int user = 0; user < 4; user++) {
            float[] scores = a.score(Query.of(user), new int[] {0, 1});
            assertArrayEquals(scores, b.score(Query.of(user), new int[] {0, 1}), 0f, "user " + user);
            assertArrayEquals(scores, a.score(Query.of(user), new int[] {0, 1}), 0f, "repeated scoring");
        }
    }

    private static InteractionData smallData() {
        InteractionsBuilder b = Interactions.builder();
        int[][] histories = {{0, 1, 2}, {1, 2, 3, 4}, {0, 4, 5}, {2, 3, 5, 0}, {1, 5}};
        for (int u = 0; u < histories.length; u++) {
            for (int t = 0; t < histories[u].length; t++) {
                b.add("u" + u, "i" + histories[u][t], Float.NaN, t, -1);
            }
        }
        return b.build();
    }

    @Test
    void gradientsMatchFiniteDifferencesWithEmptySlotsAndTheQueryUserMasked() {
        InteractionData data = smallData();
        // cap 3: some items have fewer users (empty slots), and positives have the query user among them.
        INDArray hood = Neighbourhoods.build(data, 3, 1);
        int[] users = {0, 1, 3, 4};
        int[] positives = {1, 3, 5, 5};
        int[] negatives = {4, 0, 1, 2};
        for (int hops = 1; hops <= 3; hops += 2) {
            CmnModel model = new CmnModel(data.numUsers(), data.numItems(), 3, hops, 3, 0.01, hood);
            double bpr = GradientCheck.maxRelativeError(model, new BprLoss(), users, positives, negatives, 41, 8);
            assertTrue(bpr < 1e-3, "BPR relative gradient error " + bpr + " with " + hops + " hops");
        }
        CmnModel model = new CmnModel(data.numUsers(), data.numItems(), 3, 2, 3, 0.01, hood);
        double apr = GradientCheck.maxRelativeError(model, new AprLoss().configure(Map.of("epsilon", 1.0)), users,
                positives, negatives, 42, 8);
        assertTrue(apr < 1e-3, "APR relative gradient error " + apr);
    }

    @Test
    void neighbourhoodsAreTheDistinctTrainingUsersCappedBySampling() {
        InteractionsBuilder b = Interactions.builder();
        for (int u = 0; u < 9; u++) {
            b.add("u" + u, "i0", Float.NaN, 0, -1);
            if (u < 2) {
                b.add("u" + u, "i1", Float.NaN, 1, -1);
                b.add("u" + u, "i1", Float.NaN, 2, -1);     // a repeat counts once
            }
        }
        InteractionData data = b.build();
        int i0 = data.items().index("i0");
        int i1 = data.items().index("i1");
        INDArray t = Neighbourhoods.build(data, 4, 7);
        Set<Integer> sample = new HashSet<>();
        for (int k = 0; k < 4; k++) {
            assertEquals(1f, t.getFloat(i0, 4 + k), "item with 9 users fills all 4 slots");
            sample.add((int) t.getFloat(i0, k));
        }
        assertEquals(4, sample.size(), "sampled without replacement");
        assertArrayEquals(new float[] {1, 1, 0, 0}, t.getRow(i1).get(org.nd4j.linalg.indexing.NDArrayIndex
                .interval(4, 8)).toFloatVector(), 0f);
        assertEquals(Set.of(data.users().index("u0"), data.users().index("u1")),
                Set.of((int) t.getFloat(i1, 0), (int) t.getFloat(i1, 1)));
        assertEquals(t, Neighbourhoods.build(data, 4, 7), "seeded");
    }

    @Test
    void learnsTasteClustersAndRoundTripsWithItsNeighbourhoods() throws IOException {
        Split split = new LeaveOneOutSplitter(10).split(KernelCheck.clustered(), "loo-sampled", 3);
        RankingEvaluation eval = new RankingEvaluation(List.of(new Ndcg(5), new HitRate(5)), TieRule.PESSIMISTIC);
        FixedTrainingContext ctx = new FixedTrainingContext(5, 3, 3)
                .with(Loss.class, "BPR", new BprLoss()).with(NegativeSampler.class, "uniform", new RejectionSampler())
                .validation(m -> OptionalDouble.of(eval.evaluate("v", m, split.train(), split.validation()).mean("NDCG@5")));
        CmnProvider provider = new CmnProvider();
        Recommender model = provider.train(split.train(), Map.of("dim", 8, "hops", 2, "neighbours", 10,
                "learningRate", 0.03, "batchSize", 128), ctx);
        double hit = eval.evaluate("t", model, split.train(), split.test()).mean("HIT@5");
        assertTrue(hit > 0.7, "HIT@5 on clustered data " + hit + " (random ranking gives about 0.45)");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        int[] items = {0, 5, 25, 39};
        assertArrayEquals(model.score(Query.of(3), items), loaded.score(Query.of(3), items));
    }
}
