package org.marketlens.model.mass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.DifferentiableModel;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.nn.ParameterView;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.nn.TrainingInputs;
import org.marketlens.api.rec.Query;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.nn.GradientCheck;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.marketlens.framework.testing.RandomParameters;
import org.marketlens.framework.train.ContextWindows;
import org.marketlens.loss.apr.AprLoss;
import org.marketlens.loss.bpr.BprLoss;
import org.marketlens.model.mass.MassModel.Attention;
import org.marketlens.model.mass.MassModel.Memory;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class MassModelTest {
    /** e / (1 + e): the softmin weight of the nearer of two members one squared unit apart. */
    private static final double NEAR = Math.E / (1 + Math.E);

    private static INDArray matrix(float[][] rows) {
        return Nd4j.createFromArray(rows);
    }

    private static INDArray vector(float... values) {
        return Nd4j.createFromArray(values);
    }

    /**
     * The hand-set model of the golden tests, d = 2, one user, songs 0 (the candidate) and 1, 2 (the members):
     * {@code u = (1, 0)}, {@code s_0 = (0, 1)}, {@code s_1 = (1, 1)}, {@code s_2 = (2, 0)}, {@code W1 = [I | I]},
     * {@code b1 = (0, −0.5)} ⇒ {@code q = ReLU(u + s_0 + b1) = (1, 0.5)}; {@code B3 = (1, 2)} ⇒
     * {@code dist_1 = 0² + (2 · −0.5)² = 1}, {@code dist_2 = (−1)² + (2 · 0.5)² = 2}; song bias {@code b[0] = 0.25}.
     * Attention: {@code W2 = [0 | I]}, {@code b2 = (1, 0)}; external memory {@code u_a = s_a,0 = s_a,2 = 0},
     * {@code s_a,1 = (1, 0)} ⇒ {@code qa = (1, 0)}.
     */
    private static Map<String, INDArray> golden(MassModel model, float[] metricB4) {
        boolean external = model.memory() == Memory.EXTERNAL;
        Map<String, INDArray> p = new HashMap<>();
        // Rows [U | U_a] and [S | S_a | b] (shared memory: [U] and [S | b]).
        p.put(MassModel.USER_MEMORY, external ? matrix(new float[][] {{1, 0, 0, 0}}) : matrix(new float[][] {{1, 0}}));
        p.put(MassModel.SONG_MEMORY, external
                ? matrix(new float[][] {{0, 1, 0, 0, 0.25f}, {1, 1, 1, 0, 0}, {2, 0, 0, 0, 0}, {7, -3, 5, 5, 0}})
                : matrix(new float[][] {{0, 1, 0.25f}, {1, 1, 0}, {2, 0, 0}, {7, -3, 0}}));
        p.put(MassModel.W1, matrix(new float[][] {{1, 0, 1, 0}, {0, 1, 0, 1}}));
        p.put(MassModel.B1, vector(0, -0.5f));
        p.put(MassModel.METRIC, vector(1, 2));
        p.put(MassModel.W2, matrix(new float[][] {{0, 0, 1, 0}, {0, 0, 0, 1}}));
        p.put(MassModel.B2, vector(1, 0));
        if (model.attention() == Attention.METRIC) {
            p.put(MassModel.ATTENTION_METRIC, vector(metricB4));
        }
        assertEquals(model.parameters().size(), p.size(), "every parameter is hand-set");
        return p;
    }

    /** Evaluates one part of the forward graph on constants. */
    static INDArray evaluate(MassModel model, Map<String, INDArray> p, int[] users, int[] items, int[][] context,
            float[][] mask, Function<MassModel.Forward, SDVariable> part) {
        SameDiff sd = SameDiff.create();
        p.forEach(sd::constant);
        ScoreInputs in = new ScoreInputs(sd.constant("users", Nd4j.createFromArray(users)),
                sd.constant("items", Nd4j.createFromArray(items)), sd.constant("context", Nd4j.createFromArray(context)),
                sd.constant("contextMask", Nd4j.createFromArray(mask)));
        return part.apply(model.forward(sd, sd::getVariable, in)).eval();
    }

    private static double score(MassModel model, Map<String, INDArray> p, int[] members, float[] mask) {
        return -evaluate(model, p, new int[] {0}, new int[] {0}, new int[][] {members}, new float[][] {mask},
                MassModel.Forward::distance).getDouble(0);
    }

    /** @return the first 4 columns of a table's row: the embedding-layer vector U[i] or S[i] of the d = 4 models */
    private static INDArray embedding(Map<String, INDArray> p, String table, int row) {
        return p.get(table).getRow(row).get(NDArrayIndex.interval(0, 4));
    }

    /** B3 = 1: dist_t is the squared Euclidean distance between the query and each member (MODELS.md §3.2). */
    @Test
    void unitMetricGivesSquaredEuclideanDistances() {
        MassModel model = new MassModel(3, 7, 4, 3, 0, Attention.METRIC, Memory.EXTERNAL);
        Map<String, INDArray> p = RandomParameters.uniform(model, 1,
                Map.of(MassModel.METRIC, Nd4j.ones(DataType.FLOAT, 4)));
        int[][] context = {{1, 5, 6}, {2, 0, 0}};
        int[] users = {2, 0};
        int[] items = {4, 3};
        INDArray dist = evaluate(model, p, users, items, context, new float[][] {{1, 1, 1}, {1, 0, 0}},
                MassModel.Forward::distances);
        for (int row = 0; row < 2; row++) {
            INDArray input = Nd4j.concat(0, embedding(p, MassModel.USER_MEMORY, users[row]),
                    embedding(p, MassModel.SONG_MEMORY, items[row]));
            INDArray q = org.nd4j.linalg.ops.transforms.Transforms.relu(
                    p.get(MassModel.W1).mmul(input).add(p.get(MassModel.B1)));
            for (int t = 0; t < 3; t++) {
                double expected = q.sub(embedding(p, MassModel.SONG_MEMORY, context[row][t])).norm2Number()
                        .doubleValue();
                assertEquals(expected * expected, dist.getDouble(row, t), 1e-5, "row " + row + ", slot " + t);
            }
        }
    }

    /**
     * Eq. 4.22 on the hand-set model: adist = (0, 1) with B4 = 1 ⇒ α = (e, 1) / (1 + e), D = α·(1, 2) + 0.25; with
     * B4 = (2, 1) adist = (0, 4) ⇒ α_2 = 1 / (1 + e⁴).
     */
    @Test
    void goldenScoreOfTwoMembers() {
        MassModel model = new MassModel(1, 4, 2, 2, 0, Attention.METRIC, Memory.EXTERNAL);
        int[] members = {1, 2};
        float[] valid = {1, 1};
        INDArray dist = evaluate(model, golden(model, new float[] {1, 1}), new int[] {0}, new int[] {0},
                new int[][] {members}, new float[][] {valid}, MassModel.Forward::distances);
        assertArrayEquals(new float[] {1, 2}, dist.getRow(0).toFloatVector(), 1e-6f);
        INDArray alpha = evaluate(model, golden(model, new float[] {1, 1}), new int[] {0}, new int[] {0},
                new int[][] {members}, new float[][] {valid}, MassModel.Forward::weights);
        assertArrayEquals(new float[] {(float) NEAR, (float) (1 - NEAR)}, alpha.getRow(0).toFloatVector(), 1e-6f);
        assertEquals(-(NEAR * 1 + (1 - NEAR) * 2 + 0.25), score(model, golden(model, new float[] {1, 1}), members,
                valid), 1e-6);
        double far = 1 / (1 + Math.exp(4));
        assertEquals(-((1 - far) * 1 + far * 2 + 0.25), score(model, golden(model, new float[] {2, 1}), members,
                valid), 1e-6);
    }

    /**
     * Dot attention: dot(qa, s_a,1) = 1, dot(qa, s_a,2) = 0 ⇒ α = softmax(1, 0) = (e, 1) / (1 + e), whatever
     * B4 was (the dot variant has none).
     */
    @Test
    void goldenScoreWithDotAttention() {
        MassModel model = new MassModel(1, 4, 2, 2, 0, Attention.DOT, Memory.EXTERNAL);
        assertFalse(model.parameters().stream().anyMatch(s -> s.name().equals(MassModel.ATTENTION_METRIC)),
                "the dot attention has no metric");
        assertEquals(-(NEAR + (1 - NEAR) * 2 + 0.25), score(model, golden(model, null), new int[] {1, 2},
                new float[] {1, 1}), 1e-6);
    }

    /**
     * Shared memory: the attention reads U and S, so qa = ReLU([0 | I][u; s_0] + b2) = ReLU(s_0 + (1, 0)) =
     * (1, 1); with B4 = (1, 2): adist_1 = 0² + 0² = 0, adist_2 = (−1)² + (2 · 1)² = 5 ⇒ α_2 = 1 / (1 + e⁵). With dot
     * attention: dot(qa, s_1) = 2, dot(qa, s_2) = 2 ⇒ α = (½, ½).
     */
    @Test
    void goldenScoresWithSharedMemory() {
        MassModel metric = new MassModel(1, 4, 2, 2, 0, Attention.METRIC, Memory.SHARED);
        assertArrayEquals(new long[] {4, 3}, metric.parameters().get(1).shape(), "no external memory: [S | b]");
        double far = 1 / (1 + Math.exp(5));
        assertEquals(-((1 - far) + far * 2 + 0.25), score(metric, golden(metric, new float[] {1, 2}),
                new int[] {1, 2}, new float[] {1, 1}), 1e-6);
        MassModel dot = new MassModel(1, 4, 2, 2, 0, Attention.DOT, Memory.SHARED);
        assertEquals(-(0.5 + 0.5 * 2 + 0.25), score(dot, golden(dot, null), new int[] {1, 2}, new float[] {1, 1}),
                1e-6);
    }

    /** One member: α = 1 and D = dist_1 + b[k], in every variant; padding holds any song and changes nothing. */
    @Test
    void singleMemberGetsFullWeight() {
        for (Attention attention : Attention.values()) {
            for (Memory memory : Memory.values()) {
                MassModel model = new MassModel(1, 4, 2, 3, 0, attention, memory);
                Map<String, INDArray> p = golden(model, new float[] {1, 2});
                INDArray alpha = evaluate(model, p, new int[] {0}, new int[] {0}, new int[][] {{3, 2, 3}},
                        new float[][] {{0, 1, 0}}, MassModel.Forward::weights);
                assertArrayEquals(new float[] {0, 1, 0}, alpha.getRow(0).toFloatVector(), 0f,
                        attention + "/" + memory);
                // dist of member 2 is 2 (the golden model's output side does not depend on the variant).
                assertEquals(-(2 + 0.25), score(model, p, new int[] {3, 2, 3}, new float[] {0, 1, 0}), 1e-6);
            }
        }
    }

    /**
     * Padded slots (mask 0) change no score, whatever song they hold: the model with four slots, two of them padding,
     * scores as the one with exactly two, in the graph and through the serving recommender; padding weight is 0.
     */
    @Test
    void paddedMembersDoNotChangeTheScore() {
        for (Attention attention : Attention.values()) {
            for (Memory memory : Memory.values()) {
                MassModel four = new MassModel(3, 7, 3, 4, 0, attention, memory);
                MassModel two = new MassModel(3, 7, 3, 2, 0, attention, memory);
                Map<String, INDArray> p = RandomParameters.uniform(four, 3, Map.of());
                float[][] mask = {{1, 1, 0, 0}};
                INDArray padWith0 = evaluate(four, p, new int[] {1}, new int[] {2}, new int[][] {{4, 6, 0, 0}}, mask,
                        MassModel.Forward::distance);
                INDArray padWith5 = evaluate(four, p, new int[] {1}, new int[] {2}, new int[][] {{4, 6, 5, 3}}, mask,
                        MassModel.Forward::distance);
                INDArray exact = evaluate(two, p, new int[] {1}, new int[] {2}, new int[][] {{4, 6}},
                        new float[][] {{1, 1}}, MassModel.Forward::distance);
                assertEquals(exact.getDouble(0), padWith0.getDouble(0), 1e-6, attention + "/" + memory);
                assertEquals(padWith0.getDouble(0), padWith5.getDouble(0), 0.0, attention + "/" + memory);
                INDArray alpha = evaluate(four, p, new int[] {1}, new int[] {2}, new int[][] {{4, 6, 5, 3}}, mask,
                        MassModel.Forward::weights);
                assertEquals(0.0, alpha.getDouble(0, 2) + alpha.getDouble(0, 3), 0.0, "padding weight is exactly 0");
                assertEquals(1.0, alpha.getDouble(0, 0) + alpha.getDouble(0, 1), 1e-6);
                int[] items = {0, 1, 2, 3, 4, 5, 6};
                Query query = new Query(1, 0, new int[] {4, 6});
                assertArrayEquals(new SameDiffRecommender("MASS", two, p, Map.of(), 7).score(query, items),
                        new SameDiffRecommender("MASS", four, p, Map.of(), 7).score(query, items), 1e-6f);
            }
        }
    }

    /**
     * Finite differences of BPR (and APR once) through the graph of each Table 4.6 variant, with padding. The shared
     * check multiplies the initial parameters by 10, where MASS's distances (quartic in the parameters: B² times
     * squared differences) saturate the softmin, leaving gradients of 1e-7 whose central differences are noise
     * (relative error 2e-3 on entries of S_a and b2 of about 6e-7; 1e-7 at scale 1 and 3); {@link CheckScale} starts
     * the check at embeddings N(0, 0.5²), He-normal weights, B = 1 and biases 0.1 instead.
     */
    @Test
    void gradientsMatchFiniteDifferencesForEveryVariant() {
        int[] users = {0, 1, 1, 0};
        int[] positives = {1, 2, 5, 0};
        int[] negatives = {3, 4, 0, 2};
        int[][] context = {{2, 3, 0}, {4, 0, 0}, {1, 3, 4}, {5, 5, 0}};
        float[][] mask = {{1, 1, 0}, {1, 0, 0}, {1, 1, 1}, {1, 1, 0}};
        for (Attention attention : Attention.values()) {
            for (Memory memory : Memory.values()) {
                MassModel model = new MassModel(2, 6, 4, 3, 0.01, attention, memory);
                double bpr = GradientCheck.maxRelativeError(new CheckScale(model), new BprLoss(), users, positives,
                        negatives, context, mask, 31, 3);
                assertTrue(bpr < 1e-4, "BPR relative gradient error " + bpr + " of " + attention + "/" + memory);
            }
        }
        MassModel model = new MassModel(2, 6, 4, 3, 0.01, Attention.METRIC, Memory.EXTERNAL);
        double apr = GradientCheck.maxRelativeError(new CheckScale(model), new AprLoss().configure(
                Map.of("epsilon", 1.0)), users, positives, negatives, context, mask, 32, 4);
        assertTrue(apr < 1e-4, "APR relative gradient error " + apr);
    }

    /** MASS with initialisations a tenth of those the gradient check should start from (it multiplies by 10). */
    private record CheckScale(MassModel model) implements DifferentiableModel {
        @Override
        public int contextSize() {
            return model.contextSize();
        }

        @Override
        public List<ParameterSpec> parameters() {
            List<ParameterSpec> out = new ArrayList<>();
            for (ParameterSpec p : model.parameters()) {
                out.add(switch (p.init()) {
                    case NORMAL -> new ParameterSpec(p.name(), p.shape(), ParameterSpec.Init.NORMAL, 0.05);
                    case HE_NORMAL -> new ParameterSpec(p.name(), p.shape(), ParameterSpec.Init.NORMAL,
                            Math.sqrt(2.0 / p.shape()[p.shape().length - 1]) / 10);
                    case CONSTANT -> new ParameterSpec(p.name(), p.shape(), ParameterSpec.Init.CONSTANT,
                            p.scale() == 0 ? 0.01 : p.scale() / 10);
                    default -> throw new IllegalStateException("MASS does not use " + p.init());
                });
            }
            return out;
        }

        @Override
        public SDVariable score(SameDiff sd, ParameterView params, ScoreInputs in) {
            return model.score(sd, params, in);
        }

        @Override
        public SDVariable penalty(SameDiff sd, ParameterView params, TrainingInputs in) {
            return model.penalty(sd, params, in);
        }
    }

    /**
     * during training a song's member list is the other training songs of its playlist (ContextWindows' basket
     * task), never the target itself nor songs of the user's other playlists.
     */
    @Test
    void trainingMembersExcludeTheTarget() {
        InteractionsBuilder b = Interactions.builder();
        String[][] playlists = {{"a", "b", "c", "d"}, {"c", "e", "f"}};
        for (int group = 0; group < playlists.length; group++) {
            for (String song : playlists[group]) {
                b.add("u", song, InteractionData.NO_RATING, InteractionData.NO_TIME, group);
            }
        }
        InteractionData data = b.build();
        ContextWindows windows = new ContextWindows(4);
        int[] context = new int[4];
        float[] mask = new float[4];
        for (int k = data.userStart(0); k < data.userEnd(0); k++) {
            int n = windows.fillTraining(data, 0, k, context, mask, 0);
            List<Integer> expected = new ArrayList<>();
            for (int j = data.userStart(0); j < data.userEnd(0); j++) {
                if (j != k && data.group(j) == data.group(k)) {
                    expected.add(data.item(j));
                }
            }
            List<Integer> actual = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                actual.add(context[t]);
                assertEquals(1f, mask[t]);
            }
            assertEquals(expected, actual, "members of interaction " + k);
            assertFalse(actual.contains(data.item(k)), "the target is not its own member");
            assertEquals(playlists[data.group(k)].length - 1, n);
            for (int t = n; t < 4; t++) {
                assertEquals(0f, mask[t], "unused slots are padding");
            }
        }
    }

    @Test
    void rejectsUnknownVariantsAndEmptyShapes() {
        assertEquals(Attention.DOT, Attention.parse(" Dot"));
        assertEquals(Memory.SHARED, Memory.parse("shared"));
        assertThrows(IllegalArgumentException.class, () -> Attention.parse("cosine"));
        assertThrows(IllegalArgumentException.class, () -> new MassModel(1, 1, 0, 1, 0, Attention.DOT,
                Memory.SHARED));
        assertThrows(IllegalArgumentException.class, () -> new MassModel(1, 1, 2, 0, 0, Attention.DOT,
                Memory.SHARED));
    }
}
