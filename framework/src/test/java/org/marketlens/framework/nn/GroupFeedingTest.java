package org.marketlens.framework.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marketlens.framework.nn.TrainerProbes.BPR;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.DifferentiableModel;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.nn.ParameterView;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.nn.TrainingInputs;
import org.marketlens.api.rec.Query;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RejectionSampler;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The group index of {@link DifferentiableModel#usesGroups()} models (MODELS.md §3.1, §3.4) reaches the score: in
 * training each triple's group is its positive interaction's (shared by the negative), in serving the query's. The
 * probe model scores {@code G[group] · V[item]} and knows nothing of users, so any other index would show.
 */
class GroupFeedingTest {
    /** {@code score = G[g] · V[i]}; no user parameter at all. */
    private record GroupItemModel(int groups, int items, int dim) implements DifferentiableModel {
        @Override
        public boolean usesGroups() {
            return true;
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.embedding("group", groups, dim, 0.1),
                    ParameterSpec.embedding("item", items, dim, 0.1));
        }

        @Override
        public SDVariable score(SameDiff sd, ParameterView params, ScoreInputs in) {
            return sd.gather(params.get("group"), in.groups(), 0).mul(sd.gather(params.get("item"), in.items(), 0))
                    .sum(1);
        }

        @Override
        public SDVariable penalty(SameDiff sd, ParameterView params, TrainingInputs in) {
            return params.get("item").mul(0).sum();
        }
    }

    @Test
    void servingScoresWithTheQuerysGroupAndRejectsQueriesWithoutOne() {
        Nd4jRuntime.ensureLoaded();
        // Two columns, the second zero: ND4J M1.1 fails on a sum over a dimension of size 1.
        GroupItemModel model = new GroupItemModel(3, 2, 2);
        SameDiffRecommender r = new SameDiffRecommender("probe", model, Map.of(
                "group", Nd4j.createFromArray(new float[][] {{1, 5}, {2, 5}, {3, 5}}),
                "item", Nd4j.createFromArray(new float[][] {{1, 0}, {10, 0}})), Map.of(), 2);
        assertArrayEquals(new float[] {3, 30}, r.score(new Query(0, 2, new int[0]), new int[] {0, 1}));
        assertArrayEquals(new float[] {2, 20}, r.score(new Query(2, 1, new int[0]), new int[] {0, 1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.score(Query.of(0), new int[] {0}));
        assertTrue(e.getMessage().contains("group"), e.getMessage());
    }

    /** BPR's gradient on G by hand: {@code ∂/∂G[g] = mean_b 1[g_b = g] σ(s_b− − s_b+) (V[k−] − V[k+])}. */
    @Test
    void trainingGradientReachesExactlyTheFedGroups() {
        Nd4jRuntime.ensureLoaded();
        GroupItemModel model = new GroupItemModel(4, 3, 2);
        float[] g = {0.5f, -1f, 2f, 0.25f};
        float[] v = {1f, -0.5f, 3f};
        // The second column of V is zero, so only the first of G matters (two columns: see the serving test).
        Map<String, INDArray> parameters = new LinkedHashMap<>();
        parameters.put("group", Nd4j.concat(1, Nd4j.createFromArray(g).reshape(4, 1), Nd4j.ones(4, 1).castTo(
                org.nd4j.linalg.api.buffer.DataType.FLOAT)));
        parameters.put("item", Nd4j.concat(1, Nd4j.createFromArray(v).reshape(3, 1), Nd4j.zeros(
                org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 1)));
        TrainingGraph graph = new TrainingGraph(model, parameters, BPR);
        int[] users = {0, 0, 1};
        int[] groups = {2, 0, 2};
        int[] positives = {0, 1, 2};
        int[] negatives = {1, 2, 0};
        graph.feed(users, positives, negatives, null, null, groups);
        INDArray gradient = graph.gradients(List.of("group")).get("group");
        double[] expected = new double[4];
        for (int b = 0; b < 3; b++) {
            double margin = g[groups[b]] * (v[negatives[b]] - v[positives[b]]);
            expected[groups[b]] += (v[negatives[b]] - v[positives[b]]) / (1 + Math.exp(-margin)) / 3;
        }
        for (int row = 0; row < 4; row++) {
            assertEquals(expected[row], gradient.getDouble(row, 0), 1e-6, "group " + row);
        }
        assertEquals(0.0, gradient.getDouble(1, 0));
        assertEquals(0.0, gradient.getDouble(3, 0));
        assertThrows(IllegalArgumentException.class, () -> graph.feed(users, positives, negatives));
    }

    /**
     * User 0 owns playlist 1 (items 5..9), user 1 playlist 0 (items 0..4): a model fed users instead of groups would
     * rank each playlist's songs last.
     */
    @Test
    void trainedModelRanksEachGroupsItemsFirst() {
        InteractionsBuilder b = Interactions.builder();
        for (int item = 0; item < 10; item++) {
            b.add("u" + (item < 5 ? 1 : 0), "i" + item, InteractionData.NO_RATING, InteractionData.NO_TIME,
                    item < 5 ? 0 : 1);
        }
        InteractionData data = b.build();
        FixedTrainingContext ctx = new FixedTrainingContext(3, 60, 60).with(Loss.class, "BPR", BPR)
                .with(NegativeSampler.class, "uniform", new RejectionSampler());
        GroupItemModel model = new GroupItemModel(2, 10, 4);
        Map<String, INDArray> trained = SameDiffTraining.train("probe", model, data, new NeuralSettings(0.05, 8, 1),
                ctx, p -> new SameDiffRecommender("probe", model, p, Map.of(), 10));
        SameDiffRecommender r = new SameDiffRecommender("probe", model, trained, Map.of(), 10);
        int user = data.users().index("u0");
        int[] items = new int[10];
        for (int i = 0; i < 10; i++) {
            items[i] = data.items().index("i" + i);
        }
        for (int group = 0; group < 2; group++) {
            float[] s = r.score(new Query(user, group, new int[0]), items);
            for (int in = 0; in < 10; in++) {
                for (int out = 0; out < 10; out++) {
                    if ((in < 5) == (group == 0) && (out < 5) != (group == 0)) {
                        assertTrue(s[in] > s[out], "group " + group + ": item " + in + " above item " + out);
                    }
                }
            }
        }
    }

    @Test
    void trainingAGroupModelOnUngroupedDataFailsClearly() {
        InteractionsBuilder b = Interactions.builder();
        b.add("u", "i", InteractionData.NO_RATING, InteractionData.NO_TIME, InteractionData.NO_GROUP);
        b.add("u", "j", InteractionData.NO_RATING, InteractionData.NO_TIME, InteractionData.NO_GROUP);
        InteractionData data = b.build();
        FixedTrainingContext ctx = new FixedTrainingContext(3, 1, 1).with(Loss.class, "BPR", BPR)
                .with(NegativeSampler.class, "uniform", new RejectionSampler());
        GroupItemModel model = new GroupItemModel(1, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SameDiffTraining.train(
                "MDR", model, data, new NeuralSettings(0.01, 2, 1), ctx, p -> null));
        assertTrue(e.getMessage().contains("MDR needs grouped data (playlists)"), e.getMessage());
    }
}
