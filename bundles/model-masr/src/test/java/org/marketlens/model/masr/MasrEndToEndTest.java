package org.marketlens.model.masr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RejectionSampler;
import org.marketlens.loss.apr.AprLoss;
import org.marketlens.loss.bpr.BprLoss;
import org.marketlens.model.mass.MassProvider;
import org.marketlens.model.mdr.MdrProvider;

/**
 * MASR with the real MDR and MASS on a tiny grouped synthetic set: both parts train end to end (with BPR, and with
 * APR after BPR pre-training for AMASR), the fusion is Eq. 4.29 of their scores, and snapshots restore it.
 */
class MasrEndToEndTest {
    private static final int SONGS = 24;
    private static final int[] CANDIDATES = java.util.stream.IntStream.range(0, SONGS).toArray();
    /** Small parts; one mini-batch holds all 144 training songs, so an epoch is one step (a test well under 30 s). */
    private static final Map<String, Object> SMALL = Map.of("mdr.dim", 4, "mdr.batchSize", 256,
            "mass.dim", 4, "mass.contextSize", 6, "mass.batchSize", 256);

    /** 12 users with 2 playlists of 6 distinct songs each, drawn from the user's half of 24 songs. */
    static InteractionData playlists() {
        InteractionsBuilder b = Interactions.builder();
        SplittableRandom r = new SplittableRandom(17);
        int group = 0;
        for (int u = 0; u < 12; u++) {
            int half = u % 2;
            for (int p = 0; p < 2; p++, group++) {
                List<Integer> songs = new ArrayList<>();
                while (songs.size() < 6) {
                    int s = half * SONGS / 2 + r.nextInt(SONGS / 2);
                    if (!songs.contains(s)) {
                        songs.add(s);
                    }
                }
                for (int k = 0; k < songs.size(); k++) {
                    b.add("u" + u, "s" + songs.get(k), Float.NaN, k, group);
                }
            }
        }
        return b.build();
    }

    /** One query per playlist: its user, the playlist and its songs as the members. */
    static List<Query> queries(InteractionData data) {
        Map<Integer, Query> byGroup = new LinkedHashMap<>();
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int user = 0; user < data.numUsers(); user++) {
            for (int k = data.userStart(user); k < data.userEnd(user); k++) {
                int group = data.group(k);
                members.computeIfAbsent(group, g -> new ArrayList<>()).add(data.item(k));
                byGroup.put(group, new Query(user, group,
                        members.get(group).stream().mapToInt(Integer::intValue).toArray()));
            }
        }
        return List.copyOf(byGroup.values());
    }

    /** One epoch of BPR (registered as "BPR", which APR pre-trains with), uniform negatives, no validation. */
    private static FixedTrainingContext context(long seed, BprLoss bpr) {
        return new FixedTrainingContext(seed, 1, 1).with(Loss.class, "BPR", bpr)
                .with(NegativeSampler.class, "uniform", new RejectionSampler())
                .validation(x -> OptionalDouble.empty());
    }

    private static MasrProvider provider() {
        return new MasrProvider(new MdrProvider(), new MassProvider());
    }

    private static void assertFusion(MasrRecommender masr, List<Query> queries) {
        for (Query q : queries.subList(0, 6)) {
            float[] mdr = masr.mdr().score(q, CANDIDATES);
            float[] mass = masr.mass().score(q, CANDIDATES);
            float[] fused = masr.score(q, CANDIDATES);
            for (int i = 0; i < SONGS; i++) {
                assertEquals((float) (masr.alpha() * mdr[i] + (1 - masr.alpha()) * mass[i]), fused[i],
                        "query " + q.group() + ", song " + i);
            }
        }
    }

    @Test
    void masrTrainsBothPartsAndFusesTheirScores(@TempDir Path dir) throws IOException {
        InteractionData data = playlists();
        assertEquals(SONGS, data.numItems(), "every song is in some playlist");
        List<Query> queries = queries(data);
        FixedTrainingContext ctx = context(3, new BprLoss());
        MasrRecommender masr = (MasrRecommender) provider().train(data, SMALL, ctx);
        assertTrue(ctx.recorded.containsKey("MDR.train.bestEpoch"), ctx.recorded.keySet().toString());
        assertTrue(ctx.recorded.containsKey("MASS.train.bestEpoch"), ctx.recorded.keySet().toString());
        assertEquals(0.5, masr.alpha());
        assertFusion(masr, queries);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        masr.save(bytes);
        Recommender loaded = provider().load(new ByteArrayInputStream(bytes.toByteArray()));
        for (Query q : queries.subList(0, 6)) {
            assertArrayEquals(masr.score(q, CANDIDATES), loaded.score(q, CANDIDATES), 0f);
        }

        Path mdrFile = save(dir.resolve("MDR.model"), masr.mdr());
        Path massFile = save(dir.resolve("MASS.model"), masr.mass());
        FixedTrainingContext frozen = context(3, new BprLoss());
        Recommender fromFiles = provider().train(data, Map.of("alpha", 0.25, "mdrSnapshot", mdrFile.toString(),
                "massSnapshot", massFile.toString()), frozen);
        assertFalse(frozen.recorded.keySet().stream().anyMatch(k -> k.startsWith("MDR.") || k.startsWith("MASS.")),
                "nothing trains: " + frozen.recorded.keySet());
        assertFusion((MasrRecommender) fromFiles, queries);
        for (Query q : queries.subList(0, 6)) {
            float[] mdr = masr.mdr().score(q, CANDIDATES);
            float[] mass = masr.mass().score(q, CANDIDATES);
            float[] fused = fromFiles.score(q, CANDIDATES);
            for (int i = 0; i < SONGS; i++) {
                assertEquals((float) (0.25 * mdr[i] + 0.75 * mass[i]), fused[i]);
            }
        }
    }

    @Test
    void amasrFusesPartsTrainedWithApr() {
        InteractionData data = playlists();
        BprLoss bpr = new BprLoss();
        FixedTrainingContext ctx = context(5, bpr)
                .with(Loss.class, "APR", new AprLoss().configure(Map.of("epsilon", 0.5)))
                .register(Loss.class, "BPR", bpr);
        MasrRecommender amasr = (MasrRecommender) provider().train(data, SMALL, ctx);
        for (String part : List.of("MDR", "MASS")) {
            assertTrue(ctx.recorded.containsKey(part + ".pretrain BPR.bestEpoch"), ctx.recorded.keySet().toString());
            assertTrue(ctx.recorded.containsKey(part + ".train.bestEpoch"), ctx.recorded.keySet().toString());
        }
        assertFusion(amasr, queries(data));
    }

    private static Path save(Path file, Recommender r) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            r.save(out);
        }
        return file;
    }
}
