package org.marketlens.model.mdr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.nn.GradientCheck;
import org.marketlens.framework.nn.Nd4jRuntime;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RejectionSampler;
import org.marketlens.loss.apr.AprLoss;
import org.marketlens.loss.bpr.BprLoss;
import org.marketlens.model.mdr.MdrModel.Terms;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MdrModelTest {
    private static final float[][] U = {{1, 2}};
    private static final float[][] P = {{0, 1}, {3, -1}};
    private static final float[][] S = {{2, 0}, {1, 1}};
    private static final float[] B1 = {2, 0.5f};
    private static final float[] B2 = {1, -3};
    private static final float[] THETA = {0.5f, -1};

    /** The hand-set model of the golden tests; {@code b1}/{@code b2} replace B1/B2, the variant drops tables. */
    private static SameDiffRecommender handSet(Terms terms, float[] b1, float[] b2, float[] theta) {
        Nd4jRuntime.ensureLoaded();
        Map<String, INDArray> p = new LinkedHashMap<>();
        if (terms.user) {
            p.put(MdrModel.USERS, Nd4j.createFromArray(U));
            p.put(MdrModel.USER_METRIC, Nd4j.createFromArray(b1));
        }
        if (terms.playlist) {
            p.put(MdrModel.PLAYLISTS, Nd4j.createFromArray(P));
            p.put(MdrModel.PLAYLIST_METRIC, Nd4j.createFromArray(b2));
        }
        p.put(MdrModel.SONGS, Nd4j.createFromArray(S));
        p.put(MdrModel.SONG_BIAS, Nd4j.createFromArray(theta));
        return new SameDiffRecommender("MDR", new MdrModel(1, 2, 2, 2, 0, terms), p, Map.of(), 2);
    }

    @Test
    void unitMetricIsTheSquaredEuclideanDistance() {
        float[] ones = {1, 1};
        float[] zero = {0, 0};
        // us: ||u − s||²: (1−2)² + (2−0)² = 5; (1−1)² + (2−1)² = 1
        assertArrayEquals(new float[] {-5, -1},
                handSet(Terms.US, ones, null, zero).score(new Query(0, 1, new int[0]), new int[] {0, 1}), 1e-6f);
        // ps with playlist 1 = (3, −1): (3−2)² + (−1−0)² = 2; (3−1)² + (−1−1)² = 8
        assertArrayEquals(new float[] {-2, -8},
                handSet(Terms.PS, null, ones, zero).score(new Query(0, 1, new int[0]), new int[] {0, 1}), 1e-6f);
        // ups adds both: 5 + 2, 1 + 8
        assertArrayEquals(new float[] {-7, -9},
                handSet(Terms.UPS, ones, ones, zero).score(new Query(0, 1, new int[0]), new int[] {0, 1}), 1e-6f);
    }

    /**
     * Eq. 4.20 by hand, user 0 = (1, 2), B1 = (2, 0.5), B2 = (1, −3), θ = (0.5, −1):
     * <pre>
     * song 0 = (2, 0): user term (2·(1−2))² + (0.5·(2−0))² = 4 + 1 = 5
     *   playlist 1 = (3, −1): (1·(3−2))² + (−3·(−1−0))² = 1 + 9 = 10      D = 5 + 10 + 0.5 = 15.5
     *   playlist 0 = (0, 1):  (1·(0−2))² + (−3·(1−0))²  = 4 + 9 = 13      D = 5 + 13 + 0.5 = 18.5
     * song 1 = (1, 1): user term (2·0)² + (0.5·(2−1))² = 0.25
     *   playlist 1: (1·(3−1))² + (−3·(−1−1))² = 4 + 36 = 40                D = 0.25 + 40 − 1 = 39.25
     * </pre>
     */
    @Test
    void scoreIsMinusEquation420AndVariantsDropTheirTerm() {
        SameDiffRecommender mdr = handSet(Terms.UPS, B1, B2, THETA);
        assertArrayEquals(new float[] {-15.5f, -39.25f}, mdr.score(new Query(0, 1, new int[0]), new int[] {0, 1}),
                1e-5f);
        assertArrayEquals(new float[] {-18.5f}, mdr.score(new Query(0, 0, new int[0]), new int[] {0}), 1e-5f);
        // us: user term + θ only, whatever the playlist (and none needed)
        SameDiffRecommender us = handSet(Terms.US, B1, B2, THETA);
        assertArrayEquals(new float[] {-5.5f, 0.75f}, us.score(Query.of(0), new int[] {0, 1}), 1e-5f);
        // ps: playlist term + θ only
        SameDiffRecommender ps = handSet(Terms.PS, B1, B2, THETA);
        assertArrayEquals(new float[] {-10.5f, -39f}, ps.score(new Query(0, 1, new int[0]), new int[] {0, 1}),
                1e-5f);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> mdr.score(Query.of(0), new int[] {0}))
                .getMessage().contains("group"));
        assertFalse(new MdrModel(1, 0, 2, 2, 0, Terms.US).usesGroups());
        assertTrue(new MdrModel(1, 2, 2, 2, 0, Terms.PS).usesGroups());
    }

    @Test
    void initialisationFollowsTheReferenceCode() {
        // Zero epochs: the trainer returns the model's initial parameters.
        Map<String, INDArray> p = assertInstanceOf(SameDiffRecommender.class, new MdrProvider().train(
                twoPlaylistsPerUser(), Map.of("dim", 16), context(0, new BprLoss()))).parameters();
        assertEquals(1.0 / 16, p.get(MdrModel.SONGS).stdNumber().doubleValue(), 0.1 / 16);
        assertEquals(1.0 / 16, p.get(MdrModel.USERS).stdNumber().doubleValue(), 0.1 / 16);
        assertEquals(1.0 / 16, p.get(MdrModel.PLAYLISTS).stdNumber().doubleValue(), 0.1 / 16);
        assertEquals(16.0, p.get(MdrModel.USER_METRIC).sumNumber().doubleValue(), 0);
        INDArray b2 = p.get(MdrModel.PLAYLIST_METRIC);
        assertTrue(b2.minNumber().doubleValue() >= 0 && b2.maxNumber().doubleValue() < 1, b2.toString());
        assertTrue(b2.stdNumber().doubleValue() > 0.1, "B2 is spread over [0, 1): " + b2);
        assertEquals(0.0, p.get(MdrModel.SONG_BIAS).amaxNumber().doubleValue(), 0);
    }

    @Test
    void bprAndAprGradientsMatchFiniteDifferences() {
        int[] u = {0, 1, 4, 2, 1};
        int[] g = {2, 0, 5, 3, 2};
        int[] p = {1, 2, 6, 0, 2};
        int[] n = {3, 5, 0, 4, 6};
        for (Terms terms : Terms.values()) {
            MdrModel model = new MdrModel(5, 6, 7, 4, 0.01, terms);
            if (terms != Terms.UPS) {
                // APR differentiates the same graph twice; checked on the full model only (test time).
                double bpr = GradientCheck.maxRelativeError(model, new BprLoss(), u, terms.playlist ? g : null, p, n,
                        1, 11, 8);
                assertTrue(bpr < 1e-4, terms + " BPR relative gradient error " + bpr);
                continue;
            }
            // Initial scale 1: MDR's score is quartic in the parameters (B·(u − s))², and at the usual 10 the
            // pairwise loss saturates (softplus overflows in M1.1).
            double bpr = GradientCheck.maxRelativeError(model, new BprLoss(), u, terms.playlist ? g : null, p, n,
                    1, 11, 8);
            assertTrue(bpr < 1e-4, terms + " BPR relative gradient error " + bpr);
            double apr = GradientCheck.maxRelativeError(model, new AprLoss().configure(Map.of("epsilon", 1.0)), u,
                    terms.playlist ? g : null, p, n, 1, 12, 8);
            assertTrue(apr < 1e-4, terms + " APR relative gradient error " + apr);
        }
    }

    /**
     * Every user owns two playlists: one of songs 0..9, one of songs 10..19 (6 songs each). Users cannot tell the
     * clusters apart, playlists can: MDR, fed each interaction's playlist, ranks a playlist's unseen songs of its
     * own cluster above the other cluster's; MDR_us cannot.
     */
    @Test
    void thePlaylistReachesTheModelInTrainingAndServing() throws IOException {
        InteractionData data = twoPlaylistsPerUser();
        Recommender model = train(data, "ups", new BprLoss(), 20);
        double ups = auc(model, data);
        double us = auc(train(data, "us", new BprLoss(), 20), data);
        // 0.74 and 0.21 after 30 epochs through the graph when written: the user-only variant ranks the playlist's unseen own-cluster
        // songs low (they are the user's sampled negatives), the playlist term lifts them above the other cluster.
        assertTrue(ups > 0.6, "MDR AUC of a playlist's unseen own-cluster songs " + ups);
        assertTrue(ups > us + 0.25, "MDR " + ups + " vs MDR_us, which cannot see the playlist, " + us);

        MdrProvider provider = new MdrProvider();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        int[] items = {0, 5, 12, 19};
        assertArrayEquals(model.score(new Query(3, 7, new int[0]), items), loaded.score(new Query(3, 7, new int[0]),
                items));
    }

    /** AMDR: APR after BPR pre-training runs on MDR unchanged and moves the parameters away from BPR's. */
    @Test
    void aprTrainsMdrAfterBprPretraining() {
        InteractionData data = twoPlaylistsPerUser();
        Map<String, INDArray> bpr = assertInstanceOf(SameDiffRecommender.class, train(data, "ups", new BprLoss(), 2))
                .parameters();
        FixedTrainingContext ctx = context(2, new AprLoss().configure(Map.of("epsilon", 1.0)));
        Map<String, INDArray> apr = assertInstanceOf(SameDiffRecommender.class,
                new MdrProvider().train(data, Map.of("dim", 8, "learningRate", 0.02, "batchSize", 32), ctx))
                .parameters();
        assertEquals(bpr.keySet(), apr.keySet());
        double largest = 0;
        for (String name : bpr.keySet()) {
            INDArray a = apr.get(name);
            assertFalse(a.isNaN().any() || a.isInfinite().any(), name + " is finite");
            largest = Math.max(largest, a.sub(bpr.get(name)).amaxNumber().doubleValue());
        }
        assertTrue(largest > 1e-3, "APR epochs changed the BPR checkpoint by " + largest);
        assertTrue(ctx.recorded.containsKey("pretrain BPR.epochSeconds"), ctx.recorded.keySet().toString());
        assertEquals(2, ((java.util.List<?>) ctx.recorded.get("train.epochSeconds")).size());
    }

    @Test
    void ungroupedDataIsRejectedClearlyExceptByTheUserOnlyVariant() {
        InteractionsBuilder b = Interactions.builder();
        for (int i = 0; i < 6; i++) {
            b.add("u" + (i % 2), "s" + i, InteractionData.NO_RATING, InteractionData.NO_TIME,
                    InteractionData.NO_GROUP);
        }
        InteractionData data = b.build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MdrProvider().train(data, Map.of("dim", 4), context(1, new BprLoss())));
        assertTrue(e.getMessage().contains("MDR needs grouped data (playlists)"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new MdrProvider().train(data, Map.of("terms", "upps"), context(1, new BprLoss())));
        Recommender us = new MdrProvider().train(data, Map.of("dim", 4, "terms", "us", "batchSize", 4),
                context(1, new BprLoss()));
        assertEquals(2, us.score(Query.of(0), new int[] {0, 1}).length);
    }

    private static Recommender train(InteractionData data, String terms, Loss loss, int epochs) {
        return new MdrProvider().train(data, Map.of("dim", 8, "learningRate", 0.05, "batchSize", 32, "terms", terms,
                "lambda", 0.0), context(epochs, loss));
    }

    private static FixedTrainingContext context(int epochs, Loss loss) {
        return new FixedTrainingContext(5, epochs, Math.max(1, epochs)).with(Loss.class, loss instanceof AprLoss ? "APR" : "BPR",
                loss).register(Loss.class, "BPR", new BprLoss())
                .with(NegativeSampler.class, "uniform", new RejectionSampler());
    }

    /** 20 users, playlists 2u (6 of songs s0..s9) and 2u + 1 (6 of songs s10..s19). */
    static InteractionData twoPlaylistsPerUser() {
        InteractionsBuilder b = Interactions.builder();
        SplittableRandom random = new SplittableRandom(3);
        for (int u = 0; u < 20; u++) {
            for (int cluster = 0; cluster < 2; cluster++) {
                int[] songs = random.ints(0, 10).distinct().limit(6).toArray();
                for (int s : songs) {
                    b.add("u" + u, "s" + (cluster * 10 + s), InteractionData.NO_RATING, InteractionData.NO_TIME,
                            2 * u + cluster);
                }
            }
        }
        return b.build();
    }

    /** @return the mean AUC over every (user, playlist) of its unseen own-cluster songs against the other cluster */
    private static double auc(Recommender r, InteractionData data) {
        double sum = 0;
        int cases = 0;
        for (int u = 0; u < 20; u++) {
            int user = data.users().index("u" + u);
            for (int cluster = 0; cluster < 2; cluster++) {
                int group = 2 * u + cluster;
                java.util.Set<Integer> seen = new java.util.HashSet<>();
                for (int k = data.userStart(user); k < data.userEnd(user); k++) {
                    if (data.group(k) == group) {
                        seen.add(data.item(k));
                    }
                }
                int[] all = new int[20];
                for (int s = 0; s < 20; s++) {
                    all[s] = data.items().index("s" + s);
                }
                float[] scores = r.score(new Query(user, group, new int[0]), all);
                int pairs = 0;
                int right = 0;
                for (int in = cluster * 10; in < cluster * 10 + 10; in++) {
                    if (seen.contains(all[in])) {
                        continue;
                    }
                    for (int out = (1 - cluster) * 10; out < (1 - cluster) * 10 + 10; out++) {
                        pairs++;
                        right += scores[in] > scores[out] ? 1 : 0;
                    }
                }
                sum += (double) right / pairs;
                cases++;
            }
        }
        return sum / cases;
    }
}
