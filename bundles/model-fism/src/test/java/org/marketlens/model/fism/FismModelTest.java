package org.marketlens.model.fism;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.TieRule;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.data.PlaylistLeaveOneOutSplitter;
import org.marketlens.framework.eval.HitRate;
import org.marketlens.framework.eval.Ndcg;
import org.marketlens.framework.eval.RankingEvaluation;
import org.marketlens.framework.nn.GradientCheck;
import org.marketlens.framework.nn.Nd4jRuntime;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RejectionSampler;
import org.marketlens.loss.apr.AprLoss;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FismModelTest {
    /**
     * Five items, d = 2: P rows p_0..p_4 and candidate rows [q | b]. Item 0: q_0 = (0.5, 2), b_0 = 0.25; item 1:
     * q_1 = (1, 1), b_1 = −0.5; p_1 = (1, 2), p_2 = (3, −1).
     */
    private static Map<String, INDArray> handParameters() {
        Nd4jRuntime.ensureLoaded();
        Map<String, INDArray> p = new LinkedHashMap<>();
        p.put(FismModel.MEMBERS, Nd4j.createFromArray(new float[][] {{7, 7}, {1, 2}, {3, -1}, {-2, 5}, {4, 4}}));
        p.put(FismModel.CANDIDATES, Nd4j.createFromArray(new float[][] {{0.5f, 2, 0.25f}, {1, 1, -0.5f},
                {-1, 0.5f, 0.75f}, {2, -3, 1.5f}, {0, 1, -1}}));
        return p;
    }

    private static float[] scores(double alpha, int contextSize, int[] members, int... items) {
        FismModel model = new FismModel(5, 2, contextSize, alpha, 0);
        return new SameDiffRecommender("FISM", model, handParameters(), Map.of(), 5)
                .score(new Query(0, InteractionData.NO_GROUP, members), items);
    }

    /**
     * Members {1, 2}: Σ p_t = (4, 1), so candidate 0 scores b_0 + 2^−α (4·0.5 + 1·2) = 0.25 + 4 / 2^α; candidate 1 is
     * a member itself and scores from p_2 alone: b_1 + 1^−α (3 − 1) = 1.5 for every α.
     */
    @Test
    void scoresByHandWithTwoMembers() {
        float[] half = scores(0.5, 4, new int[] {1, 2}, 0, 1);
        assertEquals(0.25 + 4 / Math.sqrt(2), half[0], 1e-6);
        assertEquals(1.5, half[1], 1e-6);
        float[] mean = scores(1.0, 4, new int[] {1, 2}, 0, 1);
        assertEquals(2.25, mean[0], 1e-6);
        assertEquals(1.5, mean[1], 1e-6);
        float[] sum = scores(0.0, 4, new int[] {1, 2}, 0);
        assertEquals(4.25, sum[0], 1e-6);
    }

    /** No member, or only the candidate itself: the score is the bias b_k (no division by zero). */
    @Test
    void emptyMemberListScoresTheBias() {
        float[] biases = {0.25f, -0.5f, 0.75f, 1.5f, -1};
        for (double alpha : new double[] {0, 0.5, 1}) {
            assertArrayEquals(biases, scores(alpha, 3, new int[0], 0, 1, 2, 3, 4), 0f);
            assertArrayEquals(new float[] {0.75f}, scores(alpha, 3, new int[] {2}, 2), 0f);
        }
    }

    /** Padded slots change nothing, whatever item they hold; a larger s with padding equals an exact s. */
    @Test
    void paddingDoesNotChangeTheScore() {
        int[] items = {0, 1, 2, 3, 4};
        assertArrayEquals(scores(0.5, 2, new int[] {1, 3}, items), scores(0.5, 6, new int[] {1, 3}, items), 0f);
        FismModel model = new FismModel(5, 2, 3, 0.5, 0);
        float[] padZero = graphScores(model, new int[][] {{1, 3, 0}, {1, 3, 0}}, new float[][] {{1, 1, 0}, {1, 1, 0}});
        float[] padFour = graphScores(model, new int[][] {{1, 3, 4}, {1, 3, 2}}, new float[][] {{1, 1, 0}, {1, 1, 0}});
        assertArrayEquals(padZero, padFour, 0f);
        // The sum over members: candidate 4 with members 1 and 3 is −1 + 2^−½ (p_1 + p_3) · q_4 = −1 + 7 / √2.
        assertEquals(-1 + 7 / Math.sqrt(2), padFour[1], 1e-6);
    }

    /** Scores candidates 0 and 4 of two rows with the given context through the graph on constants. */
    private static float[] graphScores(FismModel model, int[][] context, float[][] mask) {
        SameDiff sd = SameDiff.create();
        handParameters().forEach(sd::constant);
        ScoreInputs in = new ScoreInputs(sd.constant("users", Nd4j.createFromArray(0, 0)),
                sd.constant("items", Nd4j.createFromArray(0, 4)), sd.constant("context", Nd4j.createFromArray(context)),
                sd.constant("contextMask", Nd4j.createFromArray(mask).castTo(DataType.FLOAT)));
        return model.score(sd, sd::getVariable, in).eval().toFloatVector();
    }

    /**
     * BPR and APR gradients (scores and penalty) against central differences, with padding, a member equal to the
     * negative (excluded by t ≠ k) and a row whose members are all padding but one.
     */
    @Test
    void gradientsMatchFiniteDifferences() {
        int[] users = {0, 1, 1, 0};
        int[] positives = {1, 2, 5, 0};
        int[] negatives = {3, 4, 0, 2};
        int[][] context = {{2, 3, 0}, {4, 0, 0}, {1, 2, 3}, {5, 0, 0}};
        float[][] mask = {{1, 1, 0}, {1, 0, 0}, {1, 1, 1}, {1, 0, 0}};
        for (double alpha : new double[] {0.5, 1}) {
            FismModel model = new FismModel(6, 4, 3, alpha, 0.01);
            double bpr = GradientCheck.maxRelativeError(model, new BprLoss(), users, positives, negatives, context,
                    mask, 31, 12);
            assertTrue(bpr < 1e-3, "BPR relative gradient error " + bpr + " at alpha " + alpha);
        }
        FismModel model = new FismModel(6, 4, 3, 0.5, 0.01);
        double apr = GradientCheck.maxRelativeError(model, new AprLoss().configure(Map.of("epsilon", 1.0)), users,
                positives, negatives, context, mask, 32, 12);
        assertTrue(apr < 1e-3, "APR relative gradient error " + apr);
    }

    /**
     * Playlists, not users, carry the taste: 40 users with 3 playlists each, every playlist 8 distinct songs from one
     * of two clusters (items 0–19 or 20–39) chosen per playlist, so only the member songs tell a held-out song's
     * cluster. Random ranking of 1 positive among 10 negatives gives HIT@5 = 5/11 ≈ 0.45.
     */
    static InteractionData groupedClusters() {
        InteractionsBuilder b = Interactions.builder();
        SplittableRandom r = new SplittableRandom(11);
        int group = 0;
        for (int user = 0; user < 40; user++) {
            for (int playlist = 0; playlist < 3; playlist++, group++) {
                int base = r.nextBoolean() ? 0 : 20;
                boolean[] taken = new boolean[20];
                for (int t = 0; t < 8; t++) {
                    int song;
                    do {
                        song = r.nextInt(20);
                    } while (taken[song]);
                    taken[song] = true;
                    b.add("u" + user, "i" + (base + song), Float.NaN, t, group);
                }
            }
        }
        return b.build();
    }

    @Test
    void learnsSongClustersFromMembersAndRoundTrips() throws IOException {
        Split split = new PlaylistLeaveOneOutSplitter(10).split(groupedClusters(), "loo-sampled", 3);
        RankingEvaluation eval = new RankingEvaluation(List.of(new Ndcg(5), new HitRate(5)), TieRule.PESSIMISTIC);
        NegativeSampler uniform = new RejectionSampler();
        FixedTrainingContext ctx = new FixedTrainingContext(5, 10, 10).with(Loss.class, "BPR", new BprLoss())
                .with(NegativeSampler.class, "uniform", uniform)
                .validation(m -> OptionalDouble.of(
                        eval.evaluate("v", m, split.train(), split.validation()).mean("NDCG@5")));
        FismProvider provider = new FismProvider();
        Recommender model = provider.train(split.train(),
                Map.of("dim", 8, "contextSize", 8, "learningRate", 0.05, "batchSize", 128, "negatives", 2), ctx);
        double hit = eval.evaluate("t", model, split.train(), split.test()).mean("HIT@5");
        System.out.printf("FISM on playlist clusters: HIT@5 %.3f after %s epochs%n", hit, ctx.recorded.get("train.bestEpoch"));
        assertTrue(hit > 0.8, "HIT@5 on playlist clusters " + hit + " (random ranking gives about 0.45)");
        // In-cluster songs outrank the other cluster's for a playlist of cluster 0 and one of cluster 1.
        float[] low = model.score(new Query(0, InteractionData.NO_GROUP, new int[] {itemOf(split, 1), itemOf(split, 2),
                itemOf(split, 3)}), new int[] {itemOf(split, 4), itemOf(split, 24)});
        assertTrue(low[0] > low[1], "members from items 0-19 prefer item 4 to item 24: " + low[0] + " vs " + low[1]);
        float[] high = model.score(new Query(0, InteractionData.NO_GROUP, new int[] {itemOf(split, 21),
                itemOf(split, 22), itemOf(split, 23)}), new int[] {itemOf(split, 4), itemOf(split, 24)});
        assertTrue(high[1] > high[0], "members from items 20-39 prefer item 24 to item 4: " + high[1] + " vs "
                + high[0]);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        Query query = new Query(3, InteractionData.NO_GROUP, new int[] {0, 5, 7});
        int[] items = {0, 5, 25, 39};
        assertArrayEquals(model.score(query, items), loaded.score(query, items));
        assertArrayEquals(model.score(query, items), model.score(query, items), "deterministic inference");
    }

    /** @return the dense index of external item {@code "i" + id} */
    private static int itemOf(Split split, int id) {
        return split.train().items().index("i" + id);
    }

    @Test
    void rejectsImpossibleHyperParameters() {
        assertThrows(IllegalArgumentException.class, () -> new FismModel(5, 2, 3, 1.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new FismModel(5, 2, 3, -0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new FismModel(5, 2, 0, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new FismModel(5, 0, 3, 0.5, 0));
        assertEquals(List.of("dim", "lambda", "alpha", "contextSize"),
                new FismProvider().hyperParameters().subList(0, 4).stream().map(h -> h.name()).toList());
    }
}
