package org.marketlens.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.TieRule;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.LeaveOneOutSplitter;
import org.marketlens.framework.eval.HitRate;
import org.marketlens.framework.eval.RankingEvaluation;
import org.junit.jupiter.api.Test;

class SyntheticLoaderTest {
    private static final SyntheticLoader LOADER = new SyntheticLoader();

    private static InteractionData load(Map<String, Object> params) {
        return LOADER.load(params).interactions();
    }

    private static boolean same(InteractionData a, InteractionData b) {
        if (a.numUsers() != b.numUsers() || a.numItems() != b.numItems() || a.size() != b.size()) {
            return false;
        }
        for (int u = 0; u < a.numUsers(); u++) {
            if (a.userStart(u) != b.userStart(u)) {
                return false;
            }
        }
        for (int k = 0; k < a.size(); k++) {
            if (a.item(k) != b.item(k) || a.rating(k) != b.rating(k) || a.timestamp(k) != b.timestamp(k)
                    || a.group(k) != b.group(k)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void sameSeedGivesIdenticalDataAndAnotherSeedDifferentData() {
        InteractionData a = load(Map.of("seed", 7, "groups", "playlists"));
        assertTrue(same(a, load(Map.of("seed", 7, "groups", "playlists"))));
        assertFalse(same(a, load(Map.of("seed", 8, "groups", "playlists"))));
    }

    @Test
    void defaultsHaveTheDocumentedShape() {
        Dataset ds = LOADER.load(Map.of());
        InteractionData d = ds.interactions();
        assertEquals(500, d.numUsers());
        assertEquals(400, d.numItems());
        double mean = (double) d.size() / d.numUsers();
        assertTrue(mean > 35 && mean < 45, "mean interactions per user " + mean);
        assertTrue(d.hasRatings() && d.hasTimestamps() && !d.hasGroups());
        assertTrue(ds.presplit().isEmpty());
        assertEquals(42L, ds.facts().get("seed"));
        assertEquals(d.size(), ds.facts().get("interactions"));
        int likes = 0;
        int dislikes = 0;
        for (int u = 0; u < d.numUsers(); u++) {
            assertTrue(d.countOf(u) >= 5, "user " + u + " has " + d.countOf(u) + " interactions");
            for (int k = d.userStart(u); k < d.userEnd(u); k++) {
                float r = d.rating(k);
                assertTrue(r >= 1 && r <= 5 && r == Math.rint(r), "rating " + r);
                likes += r >= 4 ? 1 : 0;
                dislikes += r <= 2 ? 1 : 0;
                if (k > d.userStart(u)) {
                    assertTrue(d.timestamp(k) > d.timestamp(k - 1), "times must increase within a user");
                    assertTrue(d.item(k) != d.item(k - 1));
                }
            }
        }
        assertTrue(likes > d.size() / 10 && dislikes > d.size() / 10, likes + " likes, " + dislikes + " dislikes");
    }

    @Test
    void popularityFollowsAPowerLaw() {
        int[] counts = Interactions.itemCounts(load(Map.of()));
        int[] sorted = counts.clone();
        java.util.Arrays.sort(sorted);
        int top = 0;
        int total = 0;
        for (int r = 0; r < sorted.length; r++) {
            total += sorted[r];
            top += r >= sorted.length - 40 ? sorted[r] : 0;
        }
        // the 10 % most popular items hold far more than 10 % of the interactions
        assertTrue(top > 0.3 * total, "top-10% share " + (double) top / total);
    }

    @Test
    void ratingsGrowWithTheHiddenAffinity() {
        SyntheticGenerator g = new SyntheticGenerator(settings(SyntheticGenerator.Grouping.NONE, 42));
        InteractionData d = g.generate();
        double likedAffinity = 0;
        double dislikedAffinity = 0;
        int liked = 0;
        int disliked = 0;
        for (int u = 0; u < d.numUsers(); u++) {
            for (int k = d.userStart(u); k < d.userEnd(u); k++) {
                if (d.rating(k) >= 4) {
                    likedAffinity += g.affinity(u, d.item(k));
                    liked++;
                } else if (d.rating(k) <= 2) {
                    dislikedAffinity += g.affinity(u, d.item(k));
                    disliked++;
                }
            }
        }
        assertTrue(likedAffinity / liked > dislikedAffinity / disliked + 0.5);
    }

    @Test
    void consecutiveItemsAreMoreAlikeThanDistantOnes() {
        SyntheticGenerator g = new SyntheticGenerator(settings(SyntheticGenerator.Grouping.NONE, 42));
        InteractionData d = g.generate();
        double near = 0;
        double far = 0;
        int nNear = 0;
        int nFar = 0;
        for (int u = 0; u < d.numUsers(); u++) {
            int[] h = d.itemsOf(u);
            for (int t = 1; t < h.length; t++) {
                near += g.itemSimilarity(h[t - 1], h[t]);
                nNear++;
                if (t >= 10) {
                    far += g.itemSimilarity(h[t - 10], h[t]);
                    nFar++;
                }
            }
        }
        assertTrue(near / nNear > far / nFar + 0.1, "drift: near " + near / nNear + ", far " + far / nFar);
    }

    @Test
    void hiddenTastesBeatPopularityOnHeldOutItems() {
        SyntheticGenerator g = new SyntheticGenerator(settings(SyntheticGenerator.Grouping.NONE, 42));
        InteractionData d = g.generate();
        Split split = new LeaveOneOutSplitter(100).split(d, "loo", 1);
        int[] counts = Interactions.itemCounts(split.train());
        Recommender popularity = scorer(d.numItems(), (u, i) -> counts[i]);
        Recommender tastes = scorer(d.numItems(), (u, i) -> (float) (2.0 * g.affinity(u, i) + g.logPopularity(i)));
        RankingEvaluation eval = new RankingEvaluation(List.of(new HitRate(10)), TieRule.PESSIMISTIC);
        double pop = eval.evaluate("loo", popularity, split.train(), split.test()).mean("HIT@10");
        double taste = eval.evaluate("loo", tastes, split.train(), split.test()).mean("HIT@10");
        assertTrue(taste > pop + 0.1, "hidden tastes HIT@10 " + taste + " vs popularity " + pop);
    }

    @Test
    void playlistsChunkEachHistory() {
        InteractionData d = load(Map.of("groups", "playlists", "groupSize", 8, "users", 50));
        assertTrue(d.hasGroups());
        Map<Integer, Integer> owner = new HashMap<>();
        Map<Integer, Integer> size = new HashMap<>();
        for (int u = 0; u < d.numUsers(); u++) {
            for (int k = d.userStart(u); k < d.userEnd(u); k++) {
                int uu = u;
                assertEquals(u, owner.computeIfAbsent(d.group(k), x -> uu), "a playlist belongs to one user");
                size.merge(d.group(k), 1, Integer::sum);
                if (k > d.userStart(u)) {
                    assertTrue(d.group(k) >= d.group(k - 1), "playlists are consecutive chunks");
                }
            }
        }
        assertTrue(size.values().stream().allMatch(n -> n <= 8));
        assertTrue(size.values().stream().filter(n -> n == 8).count() > size.size() / 2);
    }

    @Test
    void basketItemsShareOneTime() {
        InteractionData d = load(Map.of("groups", "baskets", "groupSize", 6, "users", 50));
        Map<Integer, Long> time = new HashMap<>();
        Map<Integer, Integer> size = new HashMap<>();
        for (int k = 0; k < d.size(); k++) {
            long t = d.timestamp(k);
            assertEquals(t, time.computeIfAbsent(d.group(k), x -> t), "one time per basket");
            size.merge(d.group(k), 1, Integer::sum);
        }
        assertTrue(size.values().stream().allMatch(n -> n >= 1 && n <= 5));
        assertTrue(size.size() > d.size() / 5 && size.size() < d.size() / 2, size.size() + " baskets");
    }

    @Test
    void badParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> load(Map.of("groups", "sessions")));
        assertThrows(IllegalArgumentException.class, () -> load(Map.of("usres", 3)));
        assertThrows(IllegalArgumentException.class, () -> load(Map.of("items", 3)));
    }

    private static SyntheticGenerator.Settings settings(SyntheticGenerator.Grouping grouping, long seed) {
        return new SyntheticGenerator.Settings(500, 400, 40, 8, seed, 1.0, 2.0, 1.5, grouping, 10);
    }

    private interface PairScore {
        float of(int user, int item);
    }

    private static Recommender scorer(int numItems, PairScore f) {
        return new Recommender() {
            @Override
            public int numItems() {
                return numItems;
            }

            @Override
            public float[] score(Query query, int[] items) {
                float[] out = new float[items.length];
                for (int c = 0; c < items.length; c++) {
                    out[c] = f.of(query.user(), items[c]);
                }
                return out;
            }

            @Override
            public void save(java.io.OutputStream out) {
                throw new UnsupportedOperationException("test scorer");
            }
        };
    }
}
