package org.marketlens.model.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.TieRule;
import org.marketlens.api.nn.FinalLayerVectors;
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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SdpModelTest {
    static final NegativeSampler UNIFORM = new RejectionSampler();

    /** Eq. 5.1–5.6 with W = [I, −I], f = identity, b = 0, w_o = 1, b_o = 0 gives D = ||u − v||² (MODELS.md §4.2). */
    @Test
    void reducesToSquaredEuclideanDistanceUnderStatedWeights() {
        Nd4jRuntime.ensureLoaded();
        int d = 3;
        SdpModel model = new SdpModel(2, 3, d, 1, 0, false);
        float[][] users = {{1, 2, 3}, {0.5f, -1, 2}};
        float[][] items = {{2, 3, 3}, {0, 0, 0}, {-1, 4, 0.25f}};
        Map<String, INDArray> p = new LinkedHashMap<>();
        p.put(SdpModel.USERS, Nd4j.createFromArray(users));
        p.put(SdpModel.ITEMS, Nd4j.createFromArray(items));
        p.put(SdpModel.weight(1), Nd4j.concat(1, Nd4j.eye(d), Nd4j.eye(d).neg()).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT));
        p.put(SdpModel.bias(1), Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, d));
        p.put(SdpModel.EDGE, Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, d));
        p.put(SdpModel.EDGE_BIAS, Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1));
        SameDiffRecommender r = new SameDiffRecommender("SDP", model, p, Map.of(), 3);
        for (int u = 0; u < 2; u++) {
            float[] scores = r.score(Query.of(u), new int[] {0, 1, 2});
            for (int i = 0; i < 3; i++) {
                double squared = 0;
                for (int k = 0; k < d; k++) {
                    squared += Math.pow(users[u][k] - items[i][k], 2);
                }
                assertEquals(-squared, scores[i], 1e-5, "user " + u + " item " + i);
            }
        }
        // The hand example of MODELS.md §4.2: u − v = [2, 3] (here padded with 0) gives square = [4, 9], D = 13.
        assertEquals(-2.0, r.score(Query.of(0), new int[] {0})[0], 1e-6);
    }

    @Test
    void bprAndAprGradientsMatchFiniteDifferences() {
        for (int layers = 1; layers <= 2; layers++) {
            SdpModel model = new SdpModel(5, 7, 4, layers, 0.01);
            double bpr = GradientCheck.maxRelativeError(model, new BprLoss(), new int[] {0, 1, 4, 2},
                    new int[] {1, 2, 6, 0}, new int[] {3, 5, 0, 4}, 11, 20);
            assertTrue(bpr < 1e-4, "BPR relative gradient error " + bpr + " with " + layers + " layers");
            double apr = GradientCheck.maxRelativeError(model, new AprLoss().configure(Map.of("epsilon", 1.0)),
                    new int[] {0, 1, 4, 2}, new int[] {1, 2, 6, 0}, new int[] {3, 5, 0, 4}, 12, 20);
            assertTrue(apr < 1e-4, "APR relative gradient error " + apr + " with " + layers + " layers");
        }
    }

    @Test
    void learnsTasteClustersExposesFinalVectorsAndRoundTrips() throws IOException {
        Split split = new LeaveOneOutSplitter(10).split(KernelCheck.clustered(), "loo-sampled", 3);
        RankingEvaluation eval = new RankingEvaluation(List.of(new Ndcg(5), new HitRate(5)), TieRule.PESSIMISTIC);
        FixedTrainingContext ctx = new FixedTrainingContext(5, 25, 5)
                .with(Loss.class, "BPR", new BprLoss())
                .with(NegativeSampler.class, "uniform", UNIFORM)
                .validation(r -> OptionalDouble.of(eval.evaluate("v", r, split.train(), split.validation()).mean("NDCG@5")));
        SdpProvider provider = new SdpProvider();
        Recommender model = provider.train(split.train(), Map.of("dim", 8, "learningRate", 0.02, "batchSize", 64), ctx);
        double hit = eval.evaluate("t", model, split.train(), split.test()).mean("HIT@5");
        assertTrue(hit > 0.7, "HIT@5 on clustered data " + hit + " (random ranking gives about 0.45)");
        FinalLayerVectors vectors = assertInstanceOf(FinalLayerVectors.class, model);
        assertEquals(8, vectors.model().finalVectorSize());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        int[] items = {0, 5, 25, 39};
        assertArrayEquals(model.score(Query.of(3), items), loaded.score(Query.of(3), items));
        assertArrayEquals(model.score(Query.of(3), items), model.score(Query.of(3), items), "deterministic inference");
    }

    @Test
    void rejectsUnknownHyperParameterAndImpossibleLayerWidths() {
        SdpProvider provider = new SdpProvider();
        FixedTrainingContext ctx = new FixedTrainingContext(1, 1, 1).with(NegativeSampler.class, "uniform", UNIFORM)
                .with(Loss.class, "BPR", new BprLoss());
        assertThrows(IllegalArgumentException.class,
                () -> provider.train(KernelCheck.clustered(), Map.of("depth", 2), ctx));
        assertThrows(IllegalArgumentException.class, () -> new SdpModel(2, 2, 4, 4, 0));
    }
}
