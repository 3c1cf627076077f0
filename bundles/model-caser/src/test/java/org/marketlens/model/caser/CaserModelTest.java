package org.marketlens.model.caser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
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
import org.marketlens.framework.data.LeaveOneOutSplitter;
import org.marketlens.framework.eval.HitRate;
import org.marketlens.framework.eval.Ndcg;
import org.marketlens.framework.eval.RankingEvaluation;
import org.marketlens.framework.nn.GradientCheck;
import org.marketlens.framework.nn.Nd4jRuntime;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RandomParameters;
import org.marketlens.framework.testing.RejectionSampler;
import org.marketlens.loss.apr.AprLoss;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CaserModelTest {
    private static float[][] rows(float[]... r) {
        return r;
    }

    /** d = 1, L = 2, one filter of each kind: every intermediate value by hand (see the comments). */
    private static Map<String, INDArray> tinyWeights() {
        Nd4jRuntime.ensureLoaded();
        Map<String, INDArray> p = new LinkedHashMap<>();
        p.put(CaserModel.USERS, Nd4j.createFromArray(rows(new float[] {3})));
        p.put(CaserModel.ITEMS, Nd4j.createFromArray(rows(new float[] {0.5f}, new float[] {1}, new float[] {2})));
        // [w_z, w_u, b2] per item
        p.put(CaserModel.OUTPUT, Nd4j.createFromArray(rows(new float[] {10, 1, 0.25f}, new float[] {0, 0, 0},
                new float[] {0, 0, 0})));
        p.put(CaserModel.HORIZONTAL + 1, Nd4j.createFromArray(rows(new float[] {1})));
        p.put(CaserModel.HORIZONTAL + 2, Nd4j.createFromArray(rows(new float[] {-1, 1})));
        p.put(CaserModel.HORIZONTAL_BIAS + 1, Nd4j.createFromArray(new float[] {0}));
        p.put(CaserModel.HORIZONTAL_BIAS + 2, Nd4j.createFromArray(new float[] {0.5f}));
        p.put(CaserModel.VERTICAL, Nd4j.createFromArray(rows(new float[] {2, 3})));
        p.put(CaserModel.VERTICAL_BIAS, Nd4j.createFromArray(new float[] {1}));
        p.put(CaserModel.FC, Nd4j.createFromArray(rows(new float[] {0.1f, 1, -2})));
        p.put(CaserModel.FC_BIAS, Nd4j.createFromArray(new float[] {0.5f}));
        return p;
    }

    @Test
    void handComputedForwardOnTinyWeights() {
        CaserModel model = new CaserModel(1, 3, 1, 2, 1, 1, 0, 0);
        SameDiffRecommender r = new SameDiffRecommender("Caser", model, tinyWeights(), Map.of(), 3);
        // Image E = [1, 2] (items 1, 2). Horizontal h = 1: max(relu(1), relu(2)) = 2; h = 2: relu(−1 + 2 + 0.5) = 1.5.
        // Vertical: 2·1 + 3·2 + 1 = 9. z = relu(0.1·9 + 1·2 − 2·1.5 + 0.5) = 0.4. Score = 10·0.4 + 1·3 + 0.25.
        assertArrayEquals(new float[] {7.25f}, r.score(new Query(0, InteractionData.NO_GROUP, new int[] {1, 2}),
                new int[] {0}), 1e-5f);
        // One item, slot 2 padded with item 0 (embedding 0.5, which must not count): E = [2, ·]. h = 1: the window
        // on the padded slot is dropped, max = 2; h = 2: no complete window, 0. Vertical: 2·2 + 1 = 5.
        // z = relu(0.5 + 2 − 0 + 0.5) = 3. Score = 10·3 + 3 + 0.25.
        assertArrayEquals(new float[] {33.25f}, r.score(new Query(0, InteractionData.NO_GROUP, new int[] {2}),
                new int[] {0}), 1e-5f);
    }

    private static INDArray evaluate(CaserModel model, Map<String, INDArray> p, int[] users, int[] items,
            int[][] context, float[][] mask) {
        SameDiff sd = SameDiff.create();
        p.forEach(sd::constant);
        ScoreInputs in = new ScoreInputs(sd.constant("users", Nd4j.createFromArray(users)),
                sd.constant("items", Nd4j.createFromArray(items)), sd.constant("context", Nd4j.createFromArray(context)),
                sd.constant("contextMask", Nd4j.createFromArray(mask)));
        return model.forward(sd, sd::getVariable, in).score().eval();
    }

    /** Whatever the padded slots hold, scores are the same; and they differ from treating those slots as real. */
    @Test
    void paddedSlotsDoNotContribute() {
        CaserModel model = new CaserModel(2, 8, 3, 4, 2, 2, 0, 0);
        Map<String, INDArray> p = RandomParameters.uniformUnit(model, 5);
        float[][] mask = {{1, 1, 0, 0}, {1, 0, 0, 0}};
        int[] users = {0, 1};
        int[] items = {3, 6};
        INDArray a = evaluate(model, p, users, items, new int[][] {{2, 5, 0, 0}, {7, 0, 0, 0}}, mask);
        INDArray b = evaluate(model, p, users, items, new int[][] {{2, 5, 4, 1}, {7, 6, 6, 2}}, mask);
        assertArrayEquals(a.toFloatVector(), b.toFloatVector(), 0f);
        INDArray unmasked = evaluate(model, p, users, items, new int[][] {{2, 5, 4, 1}, {7, 6, 6, 2}},
                new float[][] {{1, 1, 1, 1}, {1, 1, 1, 1}});
        assertFalse(Arrays.equals(a.toFloatVector(), unmasked.toFloatVector()), "the mask must matter");
        // Through the recommender: the L latest items of a longer history are used.
        SameDiffRecommender r = new SameDiffRecommender("Caser", model, p, Map.of(), 8);
        int[] candidates = {0, 1, 2, 3, 4, 5, 6, 7};
        assertArrayEquals(r.score(new Query(1, InteractionData.NO_GROUP, new int[] {1, 2, 3, 4}), candidates),
                r.score(new Query(1, InteractionData.NO_GROUP, new int[] {6, 5, 1, 2, 3, 4}), candidates), 0f);
    }

    /** Dropout acts in the training graph only; the served model is deterministic and dropout-free. */
    @Test
    void dropoutOnlyInTrainingAndInferenceIsDeterministic() {
        CaserModel training = new CaserModel(2, 8, 4, 3, 4, 2, 0.5, 0);
        Map<String, INDArray> p = RandomParameters.uniformUnit(training, 6);
        int[][] context = {{1, 2, 3}, {4, 5, 0}};
        float[][] mask = {{1, 1, 1}, {1, 1, 0}};
        int[] users = {0, 1};
        int[] items = {6, 7};
        INDArray first = evaluate(training, p, users, items, context, mask);
        INDArray second = evaluate(training, p, users, items, context, mask);
        INDArray third = evaluate(training, p, users, items, context, mask);
        assertTrue(!first.equals(second) || !first.equals(third), "training graph applies random dropout masks");
        Map<String, Object> values = Map.of("numItems", 8);
        Recommender served = new CaserProvider().serve(training, p, values);
        Recommender plain = new SameDiffRecommender("Caser", training.withoutDropout(), p, Map.of(), 8);
        Query q = new Query(1, InteractionData.NO_GROUP, new int[] {4, 5});
        int[] candidates = {0, 3, 6, 7};
        float[] once = served.score(q, candidates);
        assertArrayEquals(once, served.score(q, candidates), 0f);
        assertArrayEquals(plain.score(q, candidates), once, 0f);
    }

    @Test
    void bprAndAprGradientsMatchFiniteDifferencesWithPaddedContext() {
        CaserModel model = new CaserModel(3, 7, 3, 3, 2, 2, 0, 0.01);
        int[] users = {0, 1, 2, 1};
        int[] positives = {1, 2, 3, 6};
        int[] negatives = {4, 5, 0, 2};
        int[][] context = {{2, 0, 0}, {3, 4, 0}, {1, 5, 2}, {6, 1, 4}};
        float[][] mask = {{1, 0, 0}, {1, 1, 0}, {1, 1, 1}, {1, 1, 1}};
        double bpr = GradientCheck.maxRelativeError(model, new BprLoss(), users, positives, negatives, context, mask,
                31, 6);
        assertTrue(bpr < 1e-3, "BPR relative gradient error " + bpr);
        double apr = GradientCheck.maxRelativeError(model, new AprLoss().configure(Map.of("epsilon", 1.0)), users,
                positives, negatives, context, mask, 32, 6);
        assertTrue(apr < 1e-3, "APR relative gradient error " + apr);
    }

    /** Users walk a cycle of items; the next item follows from the latest ones, which Caser learns (with dropout). */
    @Test
    void learnsSequentialPatternAndRoundTrips() throws IOException {
        InteractionsBuilder b = Interactions.builder();
        SplittableRandom r = new SplittableRandom(9);
        int items = 30;
        for (int user = 0; user < 60; user++) {
            int start = r.nextInt(items);
            for (int t = 0; t < 12; t++) {
                b.add("u" + user, "i" + ((start + t) % items), Float.NaN, t, -1);
            }
        }
        Split split = new LeaveOneOutSplitter(10).split(b.build(), "loo-sampled", 3);
        RankingEvaluation eval = new RankingEvaluation(List.of(new Ndcg(3), new HitRate(3)), TieRule.PESSIMISTIC);
        FixedTrainingContext ctx = new FixedTrainingContext(5, 3, 3)
                .with(Loss.class, "BPR", new BprLoss()).with(NegativeSampler.class, "uniform", new RejectionSampler())
                .validation(m -> OptionalDouble.of(eval.evaluate("v", m, split.train(), split.validation()).mean("NDCG@3")));
        CaserProvider provider = new CaserProvider();
        Recommender model = provider.train(split.train(), Map.of("dim", 8, "contextSize", 3, "horizontal", 4,
                "learningRate", 0.03, "batchSize", 128), ctx);
        double hit = eval.evaluate("t", model, split.train(), split.test()).mean("HIT@3");
        assertTrue(hit > 0.6, "HIT@3 on cyclic sequences " + hit + " (random ranking gives about 0.27)");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        Query q = new Query(3, InteractionData.NO_GROUP, new int[] {4, 5, 6});
        int[] candidates = {0, 7, 12, 29};
        assertArrayEquals(model.score(q, candidates), loaded.score(q, candidates));
    }
}
