package org.marketlens.model.neumf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.TieRule;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.data.LeaveOneOutSplitter;
import org.marketlens.framework.eval.HitRate;
import org.marketlens.framework.eval.Ndcg;
import org.marketlens.framework.eval.RankingEvaluation;
import org.marketlens.framework.nn.GradientCheck;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.Nd4jRuntime;
import org.marketlens.framework.nn.PartTrainingContext;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RejectionSampler;
import org.marketlens.loss.apr.AprLoss;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NeuMfModelTest {
    private static final NegativeSampler UNIFORM = new RejectionSampler();

    @Test
    void fusedOutputEqualsHandComputedValue() {
        Nd4jRuntime.ensureLoaded();
        NeuMfModel model = new NeuMfModel(1, 2, 2, 1, 0, NeuMfModel.Part.NEUMF);
        Map<String, INDArray> p = Map.of(
                // rows are [p_G | p_M]
                NeuMfModel.USERS, Nd4j.createFromArray(new float[][] {{1, 2, 0.5f, -1}}),
                NeuMfModel.ITEMS, Nd4j.createFromArray(new float[][] {{3, -1, 2, 1}, {1, 1, -1, 0.5f}}),
                NeuMfModel.weight(1), Nd4j.createFromArray(new float[][] {{1, 0, 1, 0}, {0, 1, 0, -1}}),
                NeuMfModel.bias(1), Nd4j.createFromArray(0.5f, 0.25f),
                NeuMfModel.OUTPUT, Nd4j.createFromArray(1f, 0.5f, 2f, 4f));
        SameDiffRecommender r = new SameDiffRecommender("NeuMF", model, p, Map.of(), 2);
        // item 0: φ_G = [1·3, 2·(−1)] = [3, −2]; z_0 = [0.5, −1, 2, 1], W z_0 + b = [2.5 + 0.5, −2 + 0.25] → ReLU [3, 0];
        //         hᵀ[3, −2, 3, 0] = 3 − 1 + 6 + 0 = 8
        // item 1: φ_G = [1, 2]; z_0 = [0.5, −1, −1, 0.5], W z_0 + b = [−0.5 + 0.5, −1.5 + 0.25] → ReLU [0, 0];
        //         hᵀ[1, 2, 0, 0] = 1 + 1 = 2
        assertArrayEquals(new float[] {8f, 2f}, r.score(Query.of(0), new int[] {0, 1}), 1e-6f);
    }

    @Test
    void towersAloneScoreTheirOwnFormula() {
        Nd4jRuntime.ensureLoaded();
        NeuMfModel gmf = new NeuMfModel(1, 1, 2, 1, 0, NeuMfModel.Part.GMF);
        SameDiffRecommender g = new SameDiffRecommender("NeuMF", gmf, Map.of(
                NeuMfModel.USERS, Nd4j.createFromArray(new float[][] {{1, 2}}),
                NeuMfModel.ITEMS, Nd4j.createFromArray(new float[][] {{3, -1}}),
                NeuMfModel.OUTPUT, Nd4j.createFromArray(2f, 3f)), Map.of(), 1);
        assertArrayEquals(new float[] {2 * 3 + 3 * -2}, g.score(Query.of(0), new int[] {0}), 1e-6f);
        NeuMfModel mlp = new NeuMfModel(1, 1, 1, 1, 0, NeuMfModel.Part.MLP);
        SameDiffRecommender m = new SameDiffRecommender("NeuMF", mlp, Map.of(
                NeuMfModel.USERS, Nd4j.createFromArray(new float[][] {{2}}),
                NeuMfModel.ITEMS, Nd4j.createFromArray(new float[][] {{-3}}),
                NeuMfModel.weight(1), Nd4j.createFromArray(new float[][] {{1, -1}}),
                NeuMfModel.bias(1), Nd4j.createFromArray(0.5f),
                NeuMfModel.OUTPUT, Nd4j.createFromArray(-2f)), Map.of(), 1);
        // ReLU(2 + 3 + 0.5) = 5.5; −2 · 5.5 = −11
        assertArrayEquals(new float[] {-11f}, m.score(Query.of(0), new int[] {0}), 1e-6f);
    }

    @Test
    void bprAndAprGradientsMatchFiniteDifferencesForEveryPart() {
        int[] u = {0, 1, 4, 2};
        int[] p = {1, 2, 6, 0};
        int[] n = {3, 5, 0, 4};
        for (NeuMfModel.Part part : NeuMfModel.Part.values()) {
            // GradientCheck scales the initial parameters by 10, so two He-normal ReLU layers give logits of a few
            // hundred where ln σ saturates (gradients about 1e-24); the floor of 1e-6 (the context overload, here
            // without context) keeps those from counting as failures. APR's perturbed copy pushes two layers past
            // double precision (ln σ = −∞), so APR is checked on one layer.
            NeuMfModel model = new NeuMfModel(5, 7, 4, 2, 0.01, part);
            double bpr = GradientCheck.maxRelativeError(model, new BprLoss(), u, p, n, null, null, 11, 5);
            assertTrue(bpr < 1e-4, part + " BPR relative gradient error " + bpr);
            NeuMfModel oneLayer = new NeuMfModel(5, 7, 4, 1, 0.01, part);
            double apr = GradientCheck.maxRelativeError(oneLayer, new AprLoss().configure(Map.of("epsilon", 1.0)), u,
                    p, n, null, null, 12, 5);
            assertTrue(apr < 1e-4, part + " APR relative gradient error " + apr);
        }
    }

    @Test
    void fusedStartCopiesTheTowersAndWeighsTheirOutputsByAlpha() {
        Nd4jRuntime.ensureLoaded();
        SplittableRandom r = new SplittableRandom(3);
        NeuMfModel gmfModel = new NeuMfModel(3, 5, 4, 2, 0, NeuMfModel.Part.GMF);
        NeuMfModel mlpModel = new NeuMfModel(3, 5, 4, 2, 0, NeuMfModel.Part.MLP);
        NeuMfModel fused = new NeuMfModel(3, 5, 4, 2, 0, NeuMfModel.Part.NEUMF);
        Map<String, INDArray> gmf = random(gmfModel, r);
        Map<String, INDArray> mlp = random(mlpModel, r);
        Map<String, INDArray> start = fused.fuse(gmf, mlp, 0.3);
        assertEquals(gmf.get(NeuMfModel.USERS), start.get(NeuMfModel.USERS).getColumns(0, 1, 2, 3));
        assertEquals(mlp.get(NeuMfModel.USERS), start.get(NeuMfModel.USERS).getColumns(4, 5, 6, 7));
        assertEquals(gmf.get(NeuMfModel.ITEMS), start.get(NeuMfModel.ITEMS).getColumns(0, 1, 2, 3));
        assertEquals(mlp.get(NeuMfModel.ITEMS), start.get(NeuMfModel.ITEMS).getColumns(4, 5, 6, 7));
        for (int l = 1; l <= 2; l++) {
            assertEquals(mlp.get(NeuMfModel.weight(l)), start.get(NeuMfModel.weight(l)));
            assertEquals(mlp.get(NeuMfModel.bias(l)), start.get(NeuMfModel.bias(l)));
        }
        // The fused logit is then exactly α·GMF + (1 − α)·MLP for every (user, item).
        Recommender g = new SameDiffRecommender("NeuMF", gmfModel, gmf, Map.of(), 5);
        Recommender m = new SameDiffRecommender("NeuMF", mlpModel, mlp, Map.of(), 5);
        Recommender f = new SameDiffRecommender("NeuMF", fused, start, Map.of(), 5);
        int[] items = {0, 1, 2, 3, 4};
        for (int user = 0; user < 3; user++) {
            float[] gs = g.score(Query.of(user), items);
            float[] ms = m.score(Query.of(user), items);
            float[] fs = f.score(Query.of(user), items);
            for (int i = 0; i < items.length; i++) {
                assertEquals(0.3 * gs[i] + 0.7 * ms[i], fs[i], 1e-5, "user " + user + " item " + i);
            }
        }
        assertThrows(IllegalStateException.class, () -> gmfModel.fuse(gmf, mlp, 0.5));
    }

    private static Map<String, INDArray> random(NeuMfModel model, SplittableRandom r) {
        Map<String, INDArray> out = new HashMap<>();
        model.parameters().forEach(spec -> {
            INDArray a = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, spec.shape());
            for (long k = 0; k < a.length(); k++) {
                a.putScalar(k, r.nextDouble(-1, 1));
            }
            out.put(spec.name(), a);
        });
        return out;
    }

    @Test
    void providerStartsNeuMfFromTheTowersItPretrains() {
        Split split = clusteredSplit();
        FixedTrainingContext ctx = new FixedTrainingContext(5, 2, 2).with(Loss.class, "BPR", new BprLoss())
                .with(NegativeSampler.class, "uniform", UNIFORM);
        NeuMfProvider provider = new NeuMfProvider();
        Map<String, Object> values = new HashMap<>(Map.of("dim", 4, "layers", 2, "lambda", 0.0001, "part", "neumf",
                "pretrain", true, "alpha", 0.5, "pretrainEpochs", 1, "learningRate", 0.02, "batchSize", 64,
                "negatives", 4));
        values.put("numUsers", split.train().numUsers());
        values.put("numItems", split.train().numItems());
        NeuMfModel model = provider.model(values);
        Map<String, INDArray> start = provider.startingParameters(model, split.train(), values, ctx);
        // The same towers trained alone, in the context the provider gives each part.
        SameDiffRecommender gmf = (SameDiffRecommender) provider.train(split.train(),
                Map.of("dim", 4, "layers", 2, "part", "gmf", "learningRate", 0.02, "batchSize", 64),
                new PartTrainingContext("GMF", ctx, 1));
        SameDiffRecommender mlp = (SameDiffRecommender) provider.train(split.train(),
                Map.of("dim", 4, "layers", 2, "part", "mlp", "learningRate", 0.02, "batchSize", 64),
                new PartTrainingContext("MLP", ctx, 1));
        // ND4J's CPU kernels reduce in parallel, so two runs of the same training differ in the last float bits,
        // which two epochs of Adam grow to about 1e-4: compare within 1e-3 (the values are of order 0.1–1).
        Map<String, INDArray> expected = model.fuse(gmf.parameters(), mlp.parameters(), 0.5);
        assertEquals(expected.keySet(), start.keySet());
        expected.forEach((name, value) -> {
            assertArrayEquals(value.shape(), start.get(name).shape(), name);
            double gap = value.sub(start.get(name)).amaxNumber().doubleValue();
            assertTrue(gap < 1e-3, name + " differs from the fused towers by " + gap);
        });
        assertTrue(ctx.recorded.containsKey("GMF.train.bestEpoch") && ctx.recorded.containsKey("MLP.train.bestEpoch"),
                "parts record their own facts: " + ctx.recorded.keySet());
        assertEquals(1, ((List<?>) ctx.recorded.get("GMF.train.epochSeconds")).size(), "the part's epoch cap");
    }

    @Test
    void neuMfPlusPlusLearnsClustersServesDeterministicallyAndRoundTrips() throws IOException {
        Split split = clusteredSplit();
        RankingEvaluation eval = new RankingEvaluation(List.of(new Ndcg(5), new HitRate(5)), TieRule.PESSIMISTIC);
        NeuMfProvider provider = new NeuMfProvider();
        Recommender model = provider.train(split.train(), Map.of("dim", 8, "layers", 1, "pretrainEpochs", 3,
                "learningRate", 0.03, "batchSize", 64), context(split, new BprLoss()));
        double hit = eval.evaluate("t", model, split.train(), split.test()).mean("HIT@5");
        assertTrue(hit > 0.7, "HIT@5 on clustered data " + hit + " (random ranking gives about 0.45)");
        int[] items = {0, 5, 25, 39};
        assertArrayEquals(model.score(Query.of(3), items), model.score(Query.of(3), items), "inference is deterministic");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        assertArrayEquals(model.score(Query.of(3), items), loaded.score(Query.of(3), items));
    }

    @Test
    void trainsWithAprUnchanged() {
        Split split = clusteredSplit();
        FixedTrainingContext ctx = new FixedTrainingContext(5, 1, 1)
                .with(Loss.class, "APR", new AprLoss().configure(Map.of("epsilon", 0.5)))
                .register(Loss.class, "BPR", new BprLoss()).with(NegativeSampler.class, "uniform", UNIFORM);
        Recommender model = new NeuMfProvider().train(split.train(), Map.of("dim", 4, "layers", 1, "batchSize", 128),
                ctx);
        for (float s : model.scoreAll(Query.of(0))) {
            assertTrue(Float.isFinite(s), "APR-trained NeuMF++ scores are finite");
        }
    }

    @Test
    void rejectsAnUnknownPart() {
        assertThrows(IllegalArgumentException.class, () -> new NeuMfProvider().train(clusteredSplit().train(),
                Map.of("part", "cnn"), new FixedTrainingContext(1, 1, 1)));
    }

    private static FixedTrainingContext context(Split split, Loss loss) {
        RankingEvaluation eval = new RankingEvaluation(List.of(new Ndcg(5)), TieRule.PESSIMISTIC);
        return new FixedTrainingContext(5, 8, 3).with(Loss.class, "BPR", loss)
                .with(NegativeSampler.class, "uniform", UNIFORM)
                .validation(m -> OptionalDouble.of(eval.evaluate("v", m, split.train(), split.validation())
                        .mean("NDCG@5")));
    }

    /** Two taste clusters of 30 users over 20 items each. */
    private static Split clusteredSplit() {
        return new LeaveOneOutSplitter(10).split(KernelCheck.clustered(), "loo-sampled", 3);
    }
}
