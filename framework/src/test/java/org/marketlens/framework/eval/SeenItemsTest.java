package org.marketlens.framework.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.eval.TieRule;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.data.Interactions;

class SeenItemsTest {
    /** Scores item i as 10 - i: item 0 ranks first. */
    private static final Recommender DESCENDING = new Recommender() {
        @Override
        public int numItems() {
            return 6;
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
    };

    @Test
    void fullRankingSkipsTrainingAndContextItems() {
        var b = Interactions.builder();
        for (int i = 0; i < 6; i++) {
            b.add("u", "i" + i, InteractionData.NO_RATING, InteractionData.NO_TIME, InteractionData.NO_GROUP);
        }
        Interactions all = b.build();
        // Training: item 0 only. Validation item 1 (known at test time), test item 3.
        Interactions train = Interactions.subset(all, k -> all.item(k) == 0);
        EvalCase test = new EvalCase(0, InteractionData.NO_GROUP, new int[] {0, 1}, new int[] {3}, null);
        SeenItems seen = new SeenItems(train, List.of(test));
        assertTrue(seen.contains(0, 0));
        assertTrue(seen.contains(0, 1));
        assertFalse(seen.contains(0, 2));
        RankingEvaluation evaluation = new RankingEvaluation(List.of(new Recall(1)), TieRule.PESSIMISTIC);
        // Candidates 2, 3, 4, 5: only item 2 is above item 3 -> rank 1. Without the view item 1 would also be above.
        assertArrayEquals(new int[] {1}, evaluation.ranks(DESCENDING, seen, test));
        assertArrayEquals(new int[] {2}, evaluation.ranks(DESCENDING, train, test));
    }

    @Test
    void validationPositivesAreSkippedWhenRankingTestCases() {
        var b = Interactions.builder();
        for (int i = 0; i < 6; i++) {
            b.add("u", "i" + i, InteractionData.NO_RATING, InteractionData.NO_TIME, InteractionData.NO_GROUP);
        }
        Interactions all = b.build();
        Interactions train = Interactions.subset(all, k -> all.item(k) == 0);
        EvalCase validation = new EvalCase(0, InteractionData.NO_GROUP, new int[] {0}, new int[] {1}, new int[] {5});
        EvalCase test = new EvalCase(0, InteractionData.NO_GROUP, new int[] {0}, new int[] {3}, null);
        SeenItems known = SeenItems.withPositivesOf(train, List.of(validation));
        assertTrue(known.contains(0, 1), "the validation positive is known");
        assertFalse(known.contains(0, 5), "the validation negatives are not");
        assertFalse(known.contains(0, 3));
        RankingEvaluation evaluation = new RankingEvaluation(List.of(new Recall(1)), TieRule.PESSIMISTIC);
        assertArrayEquals(new int[] {1}, evaluation.ranks(DESCENDING, known, test));
    }
}
