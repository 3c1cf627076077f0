package org.marketlens.model.cml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
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
import org.marketlens.framework.nn.Nd4jRuntime;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RejectionSampler;
import org.marketlens.loss.apr.AprLoss;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.linalg.factory.Nd4j;

class CmlModelTest {
    private static final NegativeSampler UNIFORM = new RejectionSampler();

    @Test
    void scoreIsNegativeSquaredEuclideanDistance() {
        Nd4jRuntime.ensureLoaded();
        CmlModel model = new CmlModel(1, 2, 2, 0);
        SameDiffRecommender r = new SameDiffRecommender("CML", model, Map.of(
                CmlModel.USERS, Nd4j.createFromArray(new float[][] {{1, 2}}),
                CmlModel.ITEMS, Nd4j.createFromArray(new float[][] {{4, 6}, {1, 1}})), Map.of(), 2);
        // (1−4)² + (2−6)² = 25; (1−1)² + (2−1)² = 1
        assertArrayEquals(new float[] {-25f, -1f}, r.score(Query.of(0), new int[] {0, 1}), 1e-6f);
    }

    @Test
    void bprAndAprGradientsMatchFiniteDifferences() {
        CmlModel model = new CmlModel(5, 7, 4, 0.01);
        int[] u = {0, 1, 4, 2};
        int[] p = {1, 2, 6, 0};
        int[] n = {3, 5, 0, 4};
        double bpr = GradientCheck.maxRelativeError(model, new BprLoss(), u, p, n, 11, 20);
        assertTrue(bpr < 1e-4, "BPR relative gradient error " + bpr);
        double apr = GradientCheck.maxRelativeError(model, new AprLoss().configure(Map.of("epsilon", 1.0)), u, p, n,
                12, 20);
        assertTrue(apr < 1e-4, "APR relative gradient error " + apr);
    }

    @Test
    void learnsTasteClustersAndRoundTrips() throws IOException {
        InteractionData data = KernelCheck.clustered();
        Split split = new LeaveOneOutSplitter(10).split(data, "loo-sampled", 3);
        RankingEvaluation eval = new RankingEvaluation(List.of(new Ndcg(5), new HitRate(5)), TieRule.PESSIMISTIC);
        FixedTrainingContext ctx = new FixedTrainingContext(5, 25, 5)
                .with(Loss.class, "BPR", new BprLoss()).with(NegativeSampler.class, "uniform", UNIFORM)
                .validation(m -> OptionalDouble.of(eval.evaluate("v", m, split.train(), split.validation()).mean("NDCG@5")));
        CmlProvider provider = new CmlProvider();
        Recommender model = provider.train(split.train(), Map.of("dim", 8, "learningRate", 0.02, "batchSize", 64), ctx);
        double hit = eval.evaluate("t", model, split.train(), split.test()).mean("HIT@5");
        assertTrue(hit > 0.7, "HIT@5 on clustered data " + hit + " (random ranking gives about 0.45)");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        int[] items = {0, 5, 25, 39};
        assertArrayEquals(model.score(Query.of(3), items), loaded.score(Query.of(3), items));
    }
}
