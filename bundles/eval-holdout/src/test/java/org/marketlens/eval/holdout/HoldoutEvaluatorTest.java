package org.marketlens.eval.holdout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;

class HoldoutEvaluatorTest {
    private static Dataset dataset(InteractionData d) {
        return new Dataset("t", d, Optional.empty(), Map.of());
    }

    /** Two users alternating in time: a at odd times 1..9 with items i1..i5, b at even times 2..10 with i5..i1. */
    private static Interactions alternating() {
        InteractionsBuilder b = Interactions.builder();
        for (int t = 1; t <= 10; t++) {
            boolean a = t % 2 == 1;
            int step = (t + 1) / 2;
            b.add(a ? "a" : "b", "i" + (a ? step : 6 - step), 5f, t, InteractionData.NO_GROUP);
        }
        return b.build();
    }

    @Test
    void timeOrderPutsTheGloballyLatestTwentyPercentInTest() {
        Interactions d = alternating();
        int[] partOf = new HoldoutSplit(0.1, 0.2, true, Double.NaN).assign(d, 7);
        for (int u = 0; u < d.numUsers(); u++) {
            for (int k = d.userStart(u); k < d.userEnd(u); k++) {
                boolean latest = d.timestamp(k) >= 9;
                assertEquals(latest, partOf[k] == HoldoutSplit.TEST, "time " + d.timestamp(k));
            }
        }
        // Validation = 12.5% of the first 8 interactions (A-23) = 1.
        assertEquals(1, IntStream.of(partOf).filter(p -> p == HoldoutSplit.VALIDATION).count());
    }

    @Test
    void repetitionsRedrawValidationButKeepTheTimeOrderedTest() {
        Interactions d = alternating();
        HoldoutSplit rule = new HoldoutSplit(0.1, 0.2, true, Double.NaN);
        boolean differ = false;
        int[] first = rule.assign(d, 1);
        for (long seed = 2; seed < 20; seed++) {
            int[] other = rule.assign(d, seed);
            for (int k = 0; k < d.size(); k++) {
                assertEquals(first[k] == HoldoutSplit.TEST, other[k] == HoldoutSplit.TEST);
                differ |= first[k] != other[k];
            }
        }
        assertTrue(differ, "different seeds draw different validation interactions");
    }

    @Test
    void randomSplitHasSeventyTenTwentyAndNoLeak() {
        InteractionsBuilder b = Interactions.builder();
        SplittableRandom r = new SplittableRandom(3);
        for (int n = 0; n < 2000; n++) {
            b.add("u" + r.nextInt(40), "i" + r.nextInt(60), InteractionData.NO_RATING, InteractionData.NO_TIME,
                    InteractionData.NO_GROUP);
        }
        Interactions d = b.build();
        int[] partOf = new HoldoutSplit(0.1, 0.2, false, Double.NaN).assign(d, 11);
        assertEquals(1400, IntStream.of(partOf).filter(p -> p == HoldoutSplit.TRAIN).count());
        assertEquals(200, IntStream.of(partOf).filter(p -> p == HoldoutSplit.VALIDATION).count());
        assertEquals(400, IntStream.of(partOf).filter(p -> p == HoldoutSplit.TEST).count());
        Split split = new HoldoutEvaluator().split(dataset(d), Map.of(), 11);
        assertEquals("random", split.facts().get("order"));
        assertEquals(5, split.facts().get("repetitions"));
        assertNoLeak(split);
        Split again = new HoldoutEvaluator().split(dataset(d), Map.of(), 11);
        assertEquals(split.facts().get("testChecksum"), again.facts().get("testChecksum"));
        assertNotEquals(split.facts().get("testChecksum"),
                new HoldoutEvaluator().split(dataset(d), Map.of(), 12).facts().get("testChecksum"));
    }

    static void assertNoLeak(Split split) {
        for (EvalCase c : split.validation()) {
            assertNull(c.negatives());
            for (int p : c.positives()) {
                assertFalse(split.train().contains(c.user(), p), "validation positive in training");
                assertTrue(IntStream.of(c.context()).noneMatch(i -> i == p));
            }
        }
        for (EvalCase c : split.test()) {
            for (int p : c.positives()) {
                assertFalse(split.train().contains(c.user(), p), "test positive in training");
                assertTrue(IntStream.of(c.context()).noneMatch(i -> i == p), "test positive among known items");
            }
        }
    }

    @Test
    void testRankingSkipsValidationItemsAndCountsMetricsByHand() {
        // One user, items 0..9 scored 10 - index (item 0 best). Train: items 0, 1. Validation: item 2. Test: 3, 6.
        InteractionsBuilder b = Interactions.builder();
        for (int i = 0; i < 10; i++) {
            b.add("u", "" + i, InteractionData.NO_RATING, InteractionData.NO_TIME, InteractionData.NO_GROUP);
        }
        Interactions all = b.build();
        Interactions train = Interactions.subset(all, k -> all.item(k) <= 1);
        EvalCase test = new EvalCase(0, InteractionData.NO_GROUP, new int[] {0, 1, 2}, new int[] {3, 6}, null);
        EvaluationResult result = new HoldoutEvaluator().evaluate(new Descending(10), train, List.of(test),
                Map.of("metrics", List.of("Recall@1", "Recall@5", "NDCG@5", "MAP@5")));
        // Candidates in order: 3, 4, 5, 6, 7, 8, 9 (0, 1 trained, 2 validated). Ranks of positives: 0 and 3.
        assertEquals(1.0, result.mean("Recall@1"), 1e-12);
        assertEquals(1.0, result.mean("Recall@5"), 1e-12);
        double dcg = 1 + 1 / (Math.log(5) / Math.log(2));
        double idcg = 1 + 1 / (Math.log(3) / Math.log(2));
        assertEquals(dcg / idcg, result.mean("NDCG@5"), 1e-12);
        assertEquals((1.0 + 2.0 / 4) / 2, result.mean("MAP@5"), 1e-12);
    }

    @Test
    void defaultMetricsCoverRecallNdcgMapAtFiveCutoffsWithNdcg100First() {
        List<String> m = HoldoutEvaluator.DEFAULT_METRICS;
        assertEquals("NDCG@100", m.get(0));
        assertEquals(15, m.size());
        assertTrue(m.containsAll(List.of("Recall@5", "MAP@10", "NDCG@20", "Recall@100", "MAP@50")));
    }

    @Test
    void minRelevantRatingKeepsOnlyLikedGroundTruth() {
        InteractionsBuilder b = Interactions.builder();
        SplittableRandom r = new SplittableRandom(5);
        for (int n = 0; n < 600; n++) {
            b.add("u" + r.nextInt(20), "i" + r.nextInt(30), 1 + r.nextInt(5), InteractionData.NO_TIME,
                    InteractionData.NO_GROUP);
        }
        Interactions d = b.build();
        Split split = new HoldoutEvaluator().split(dataset(d), Map.of("minRelevantRating", 4), 1);
        assertNoLeak(split);
        Interactions liked = Interactions.subset(d, k -> d.rating(k) >= 4);
        for (EvalCase c : split.test()) {
            for (int p : c.positives()) {
                assertTrue(liked.contains(c.user(), p), "a test positive must be a liked interaction");
            }
        }
    }

    private record Descending(int n) implements Recommender {
        @Override
        public int numItems() {
            return n;
        }

        @Override
        public float[] score(Query query, int[] items) {
            float[] s = new float[items.length];
            for (int c = 0; c < items.length; c++) {
                s[c] = 10 - items[c];
            }
            return s;
        }

        @Override
        public void save(OutputStream out) {
        }
    }
}
