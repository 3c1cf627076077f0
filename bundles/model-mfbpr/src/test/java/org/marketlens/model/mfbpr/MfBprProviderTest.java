package org.marketlens.model.mfbpr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.marketlens.api.data.InteractionData;
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
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RejectionSampler;
import org.marketlens.loss.apr.AprLoss;
import org.marketlens.loss.bpr.BprLoss;
import org.junit.jupiter.api.Test;

class MfBprProviderTest {
    private static final NegativeSampler UNIFORM = new RejectionSampler();

    @Test
    void bprGradientsMatchFiniteDifferences() {
        MfBprModel model = new MfBprModel(5, 7, 4, 0.01);
        double error = GradientCheck.maxRelativeError(model, new BprLoss(), new int[] {0, 1, 4, 2},
                new int[] {1, 2, 6, 0}, new int[] {3, 5, 0, 4}, 11, 25);
        assertTrue(error < 1e-4, "relative gradient error " + error);
    }

    @Test
    void aprGradientsMatchFiniteDifferencesWithNoiseFixed() {
        MfBprModel model = new MfBprModel(5, 7, 4, 0.01);
        double error = GradientCheck.maxRelativeError(model, new AprLoss().configure(Map.of("epsilon", 1.0)),
                new int[] {0, 1, 4, 2}, new int[] {1, 2, 6, 0}, new int[] {3, 5, 0, 4}, 12, 25);
        assertTrue(error < 1e-4, "relative gradient error " + error);
    }

    @Test
    void learnsTasteClustersAndKeepsBestCheckpoint() throws IOException {
        InteractionData data = KernelCheck.clustered();
        Split split = new LeaveOneOutSplitter(10).split(data, "loo-sampled", 3);
        RankingEvaluation eval = new RankingEvaluation(List.of(new Ndcg(5), new HitRate(5)), TieRule.PESSIMISTIC);
        FixedTrainingContext ctx = new FixedTrainingContext(5, 30, 5)
                .with(Loss.class, "BPR", new BprLoss())
                .with(NegativeSampler.class, "uniform", UNIFORM)
                .validation(r -> OptionalDouble.of(eval.evaluate("v", r, split.train(), split.validation()).mean("NDCG@5")));
        MfBprProvider provider = new MfBprProvider();
        Recommender model = provider.train(split.train(), Map.of("dim", 8, "learningRate", 0.05, "batchSize", 64), ctx);
        double hit = eval.evaluate("t", model, split.train(), split.test()).mean("HIT@5");
        assertTrue(hit > 0.7, "HIT@5 on clustered data " + hit + " (random ranking gives about 0.45)");
        assertTrue((int) ctx.recorded.get("train.bestEpoch") >= 1);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        int[] items = {0, 5, 25, 39};
        assertArrayEquals(model.score(Query.of(3), items), loaded.score(Query.of(3), items));
        assertEquals(model.numItems(), loaded.numItems());
    }

    @Test
    void aprKeepsThePretrainedCheckpointWhenAdversarialEpochsDoNotImproveValidation() {
        InteractionData data = KernelCheck.clustered();
        int[] calls = {0};
        // 2 pre-training epochs score 0.1 and 0.5; the pre-trained start of APR scores 0.9; APR epochs score less.
        double[] values = {0.1, 0.5, 0.9, 0.3, 0.2};
        FixedTrainingContext ctx = new FixedTrainingContext(5, 2, 5)
                .with(Loss.class, "APR", new AprLoss())
                .register(Loss.class, "BPR", new BprLoss())
                .with(NegativeSampler.class, "uniform", UNIFORM)
                .validation(r -> OptionalDouble.of(values[calls[0]++]));
        new MfBprProvider().train(data, Map.of("dim", 4), ctx);
        assertEquals(5, calls[0]);
        assertEquals(2, ctx.recorded.get("pretrain BPR.bestEpoch"));
        assertEquals(0, ctx.recorded.get("train.bestEpoch"), "0 = the pre-trained checkpoint was kept");
    }

    /**
     * {@code negativePooling} is a provider hyper-parameter (NeuralSettings), and APR, which scores a perturbed view
     * through the graph, trains with {@code hardest} unchanged; the result differs from {@code each}'s, so the option
     * is not silently dropped on the way from the provider to the trainer.
     */
    @Test
    void aprTrainsWithHardestNegativePoolingFromTheProvidersHyperParameter() {
        InteractionData data = KernelCheck.clustered();
        int[] items = {0, 5, 25, 39};
        float[] each = aprScores(data, Map.of("dim", 4, "negatives", 3, "batchSize", 8), items);
        float[] hardest = aprScores(data, Map.of("dim", 4, "negatives", 3, "batchSize", 8,
                "negativePooling", "hardest"), items);
        float[] again = aprScores(data, Map.of("dim", 4, "negatives", 3, "batchSize", 8,
                "negativePooling", "hardest"), items);
        assertArrayEquals(hardest, again);
        assertTrue(KernelCheck.largestDifference(each, hardest) > 1e-4, "hardest pooling trained like each");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> aprScores(data,
                Map.of("dim", 4, "negativePooling", "max"), items));
        assertTrue(e.getMessage().contains("negativePooling must be 'each'"), e.getMessage());
    }

    /**
     * {@code learningRateDecay}/{@code learningRateDecayEvery} are provider hyper-parameters (NeuralSettings) that
     * reach the trainer (here the kernel path): γ = 0.5 every epoch gives other scores than the fixed rate, and
     * every = 2 with 2 epochs the same to the bit; a bad γ is refused. The graph path and the per-stage epoch count
     * (pre-training, then the loss): LearningRateDecayTest (framework).
     */
    @Test
    void learningRateDecayReachesTheTrainer() {
        InteractionData data = KernelCheck.clustered();
        int[] items = {0, 5, 25, 39};
        Map<String, Object> base = Map.of("dim", 4, "negatives", 3, "batchSize", 8, "learningRate", 0.01);
        float[] fixed = bprScores(data, base, items);
        assertArrayEquals(fixed, bprScores(data, with(base, 0.5, 2), items), "no decay in the first 2 epochs");
        double halved = KernelCheck.largestDifference(fixed, bprScores(data, with(base, 0.5, 1), items));
        assertTrue(halved > 1e-4, "the decay was ignored: " + halved);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bprScores(data,
                with(base, 0.0, 1), items));
        assertTrue(e.getMessage().contains("learningRateDecay must lie in (0, 1]"), e.getMessage());
    }

    private static Map<String, Object> with(Map<String, Object> base, double decay, int every) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(base);
        out.put("learningRateDecay", decay);
        out.put("learningRateDecayEvery", every);
        return out;
    }

    private static float[] bprScores(InteractionData data, Map<String, Object> params, int[] items) {
        FixedTrainingContext ctx = new FixedTrainingContext(5, 2, 2)
                .with(Loss.class, "BPR", new BprLoss())
                .with(NegativeSampler.class, "uniform", UNIFORM)
                .validation(r -> OptionalDouble.empty());
        return new MfBprProvider().train(data, params, ctx).score(Query.of(3), items);
    }

    private static float[] aprScores(InteractionData data, Map<String, Object> params, int[] items) {
        FixedTrainingContext ctx = new FixedTrainingContext(5, 2, 2)
                .with(Loss.class, "APR", new AprLoss())
                .register(Loss.class, "BPR", new BprLoss())
                .with(NegativeSampler.class, "uniform", UNIFORM)
                .validation(r -> OptionalDouble.empty());
        return new MfBprProvider().train(data, params, ctx).score(Query.of(3), items);
    }

    @Test
    void rejectsUnknownHyperParameterAndMissingLoss() {
        InteractionData data = KernelCheck.clustered();
        FixedTrainingContext ctx = new FixedTrainingContext(1, 1, 1).with(NegativeSampler.class, "uniform", UNIFORM);
        MfBprProvider provider = new MfBprProvider();
        assertThrows(IllegalArgumentException.class, () -> provider.train(data, Map.of("dimension", 8), ctx));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider.train(data, Map.of(), ctx));
        assertTrue(e.getMessage().contains("loss"), e.getMessage());
    }
}
