package org.marketlens.model.sdmr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.FinalLayerVectors;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.nn.GradientCheck;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RejectionSampler;
import org.marketlens.loss.apr.AprLoss;
import org.marketlens.loss.bpr.BprLoss;
import org.marketlens.model.sdm.SdmProvider;
import org.marketlens.model.sdp.SdpProvider;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SdmrProviderTest {
    private static final NegativeSampler UNIFORM = new RejectionSampler();

    /** 20 users walking a ring of 12 items from random starts: the next item follows the previous one. */
    static InteractionData sequences() {
        InteractionsBuilder b = Interactions.builder();
        SplittableRandom r = new SplittableRandom(3);
        for (int u = 0; u < 20; u++) {
            int start = r.nextInt(12);
            for (int t = 0; t < 8; t++) {
                b.add("u" + u, "i" + ((start + t) % 12), Float.NaN, t, -1);
            }
        }
        return b.build();
    }

    private static FixedTrainingContext context(int epochs) {
        return new FixedTrainingContext(9, epochs, 1).with(Loss.class, "BPR", new BprLoss())
                .with(NegativeSampler.class, "uniform", UNIFORM);
    }

    private static FinalLayerVectors part(Recommender r) {
        return (FinalLayerVectors) r;
    }

    private static final Map<String, Object> SMALL = Map.of("dim", 4, "hops", 2, "contextSize", 3, "batchSize", 32);

    static FinalLayerVectors[] parts(InteractionData data) {
        Map<String, Object> sdp = new LinkedHashMap<>(SMALL);
        sdp.remove("hops");
        sdp.remove("contextSize");
        return new FinalLayerVectors[] {part(new SdpProvider().train(data, sdp, context(1))),
                part(new SdmProvider().train(data, SMALL, context(1)))};
    }

    @Test
    void fusionGradientsMatchFiniteDifferencesWithFrozenParts() {
        FinalLayerVectors[] p = parts(sequences());
        int[] users = {0, 3, 7};
        int[] positives = {1, 2, 3};
        int[] negatives = {5, 9, 11};
        int[][] context = {{0, 0, 0}, {1, 11, 0}, {2, 1, 0}};
        float[][] mask = {{1, 0, 0}, {1, 1, 0}, {1, 1, 0}};
        for (SdmrModel.Output output : SdmrModel.Output.values()) {
            SdmrModel model = new SdmrModel(p[0].model(), p[0].parameters(), p[1].model(), p[1].parameters(), output, 0.01);
            double bpr = GradientCheck.maxRelativeError(model, new BprLoss(), users, positives, negatives, context, mask,
                    5, 6);
            assertTrue(bpr < 1e-4, output + " BPR relative gradient error " + bpr);
        }
        SdmrModel model = new SdmrModel(p[0].model(), p[0].parameters(), p[1].model(), p[1].parameters(),
                SdmrModel.Output.IDENTITY, 0.01);
        double apr = GradientCheck.maxRelativeError(model, new AprLoss().configure(Map.of("epsilon", 1.0)), users,
                positives, negatives, context, mask, 6, 6);
        assertTrue(apr < 1e-4, "APR relative gradient error " + apr);
    }

    /** ReLU(D) clips every candidate inside the boundary to score 0: score_relu = min(0, score_identity). */
    @Test
    void reluFusionEqualsClippedIdentityFusionAndTiesAtZero() {
        FinalLayerVectors[] p = parts(sequences());
        SplittableRandom r = new SplittableRandom(4);
        float[] w = new float[p[0].model().finalVectorSize() + p[1].model().finalVectorSize()];
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) (r.nextDouble() * 2 - 1);
        }
        Map<String, INDArray> fusion = Map.of(SdmrModel.FUSION, Nd4j.createFromArray(w),
                SdmrModel.FUSION_BIAS, Nd4j.createFromArray(new float[] {-0.05f}));
        float[][] scores = new float[2][];
        int[] items = new int[12];
        for (int i = 0; i < 12; i++) {
            items[i] = i;
        }
        Query query = new Query(2, InteractionData.NO_GROUP, new int[] {4, 5, 6});
        for (SdmrModel.Output output : SdmrModel.Output.values()) {
            SdmrModel model = new SdmrModel(p[0].model(), p[0].parameters(), p[1].model(), p[1].parameters(), output, 0);
            Map<String, INDArray> all = new LinkedHashMap<>(model.frozen());
            all.putAll(fusion);
            scores[output.ordinal()] = new SameDiffRecommender("SDMR", model, all, Map.of(), 12).score(query, items);
        }
        int clipped = 0;
        for (int i = 0; i < 12; i++) {
            assertEquals(Math.min(0f, scores[1][i]), scores[0][i], 1e-6f, "item " + i);
            clipped += scores[1][i] > 0 ? 1 : 0;
        }
        assertTrue(clipped >= 2, "the fixture should clip several candidates to a tie at 0, clipped " + clipped);
    }

    /** partDropout trains both pre-trained parts with dropout: same seed, other scores; a bad rate is refused. */
    @Test
    void partDropoutReachesThePretrainedParts() {
        InteractionData data = sequences();
        SdmrProvider provider = new SdmrProvider(new SdpProvider(), new SdmProvider());
        Map<String, Object> params = new LinkedHashMap<>(SMALL);
        params.put("output", "identity");
        Query query = new Query(1, InteractionData.NO_GROUP, new int[] {3, 4});
        int[] items = {0, 4, 5, 11};
        float[] without = provider.train(data, params, context(1)).score(query, items);
        assertArrayEquals(without, provider.train(data, params, context(1)).score(query, items), "deterministic per seed");
        params.put("partDropout", 0.5);
        float[] with = provider.train(data, params, context(1)).score(query, items);
        assertFalse(java.util.Arrays.equals(without, with), "dropout 0.5 in the parts changes the trained scores");
        params.put("partDropout", 1.0);
        assertThrows(IllegalArgumentException.class, () -> provider.train(data, params, context(1)));
    }

    @Test
    void trainsOnlyTheFusionAndRoundTripsItsSnapshot() throws IOException {
        InteractionData data = sequences();
        FinalLayerVectors[] p = parts(data);
        INDArray before = p[1].parameters().values().iterator().next().dup();
        SdmrProvider provider = new SdmrProvider(new SdpProvider(), new SdmProvider());
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sdmr");
        for (int k = 0; k < 2; k++) {
            try (var out = java.nio.file.Files.newOutputStream(dir.resolve(k == 0 ? "SDP.zip" : "SDM.zip"))) {
                p[k].save(out);
            }
        }
        Map<String, Object> params = new LinkedHashMap<>(SMALL);
        params.put("output", "identity");
        params.put("sdpSnapshot", dir.resolve("SDP.zip").toString());
        params.put("sdmSnapshot", dir.resolve("SDM.zip").toString());
        Recommender sdmr = provider.train(data, params, context(2));
        assertEquals(before, p[1].parameters().values().iterator().next(), "frozen parts are not trained");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sdmr.save(bytes);
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        Query query = new Query(1, InteractionData.NO_GROUP, new int[] {3, 4});
        int[] items = {0, 4, 5, 11};
        assertArrayEquals(sdmr.score(query, items), loaded.score(query, items));
        params.put("output", "sigmoid");
        assertThrows(IllegalArgumentException.class, () -> provider.train(data, params, context(1)));
    }
}
