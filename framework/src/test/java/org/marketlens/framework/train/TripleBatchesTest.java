package org.marketlens.framework.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.testing.RejectionSampler;

/**
 * The epochs of {@link TripleBatches}: shuffled triples ({@code negativePooling=each}) and the grouped layout of
 * {@code negativePooling=hardest}, where each instance's negatives are consecutive and no batch splits a group.
 */
class TripleBatchesTest {
    private static final int NEGATIVES = 3;

    /** 7 users with 1..7 interactions each over 12 items: 28 instances. */
    private static InteractionData data() {
        InteractionsBuilder b = Interactions.builder();
        for (int u = 0; u < 7; u++) {
            for (int k = 0; k <= u; k++) {
                b.add("u" + u, "i" + ((u + 2 * k) % 12), InteractionData.NO_RATING, k, InteractionData.NO_GROUP);
            }
        }
        return b.build();
    }

    private record Batch(int[] users, int[] positives, int[] negatives, int[] interactions, int index) {
    }

    private static List<Batch> epoch(TripleBatches batches, long seed) {
        List<Batch> out = new ArrayList<>();
        batches.epochOfInstances(new SplittableRandom(seed), (users, positives, negatives, interactions, index)
                -> out.add(new Batch(users, positives, negatives, interactions, index)));
        return out;
    }

    private static int userOf(InteractionData data, int offset) {
        for (int u = 0; u < data.numUsers(); u++) {
            if (offset >= data.userStart(u) && offset < data.userEnd(u)) {
                return u;
            }
        }
        throw new AssertionError("offset " + offset);
    }

    @Test
    void groupedEpochEmitsEachInstancesNegativesTogetherAndNeverSplitsAGroup() {
        InteractionData data = data();
        int positivesPerBatch = 5;
        TripleBatches batches = new TripleBatches(data, new RejectionSampler(), NEGATIVES, positivesPerBatch, null,
                true);
        assertEquals(28L * NEGATIVES, batches.triplesPerEpoch());
        assertEquals(6, batches.batchesPerEpoch()); // ceil(28 / 5) positives per batch
        for (long seed = 1; seed <= 3; seed++) {
            List<Batch> epoch = epoch(batches, seed);
            assertEquals(batches.batchesPerEpoch(), epoch.size());
            int[] seen = new int[data.size()];
            for (int index = 0; index < epoch.size(); index++) {
                Batch batch = epoch.get(index);
                assertEquals(index, batch.index());
                int expected = index < epoch.size() - 1 ? positivesPerBatch * NEGATIVES : 3 * NEGATIVES;
                assertEquals(expected, batch.users().length, "batch " + index);
                for (int first = 0; first < batch.users().length; first += NEGATIVES) {
                    int offset = batch.interactions()[first];
                    seen[offset]++;
                    for (int t = first; t < first + NEGATIVES; t++) {
                        assertEquals(offset, batch.interactions()[t], "group at " + first + " of batch " + index);
                        assertEquals(userOf(data, offset), batch.users()[t]);
                        assertEquals(data.item(offset), batch.positives()[t]);
                        assertFalse(data.contains(batch.users()[t], batch.negatives()[t]),
                                "negative " + batch.negatives()[t] + " observed for user " + batch.users()[t]);
                    }
                }
            }
            for (int offset = 0; offset < data.size(); offset++) {
                assertEquals(1, seen[offset], "instance " + offset + " forms one group per epoch");
            }
        }
    }

    /** Instances are shuffled as a whole: two epochs differ in order, and the negatives are fresh draws. */
    @Test
    void groupedEpochsAreShuffledAndRestrictedToTheGivenInstances() {
        InteractionData data = data();
        int[] instances = {2, 5, 9, 11, 20};
        TripleBatches batches = new TripleBatches(data, new RejectionSampler(), NEGATIVES, 2, instances, true);
        assertEquals(15L, batches.triplesPerEpoch());
        assertEquals(3, batches.batchesPerEpoch());
        List<Integer> first = groupOrder(epoch(batches, 4));
        List<Integer> orders = new ArrayList<>(first);
        List<Integer> sorted = new ArrayList<>(first);
        sorted.sort(null);
        assertEquals(List.of(2, 5, 9, 11, 20), sorted);
        boolean differs = false;
        for (long seed = 5; seed < 15 && !differs; seed++) {
            differs = !groupOrder(epoch(batches, seed)).equals(orders);
        }
        assertTrue(differs, "the group order never changed over ten epochs");
    }

    private static List<Integer> groupOrder(List<Batch> epoch) {
        List<Integer> out = new ArrayList<>();
        for (Batch b : epoch) {
            for (int t = 0; t < b.interactions().length; t += NEGATIVES) {
                out.add(b.interactions()[t]);
            }
        }
        return out;
    }

    /** The shuffled-triples epoch is unchanged: batches of batchSize triples, every instance NEGATIVES times. */
    @Test
    void eachEpochShufflesTriplesInBatchesOfBatchSizeTriples() {
        InteractionData data = data();
        TripleBatches batches = new TripleBatches(data, new RejectionSampler(), NEGATIVES, 10);
        assertEquals(84L, batches.triplesPerEpoch());
        assertEquals(9, batches.batchesPerEpoch());
        List<Batch> epoch = epoch(batches, 1);
        int[] seen = new int[data.size()];
        boolean split = false;
        for (Batch b : epoch) {
            assertTrue(b.users().length == 10 || b == epoch.get(epoch.size() - 1));
            for (int t = 0; t < b.users().length; t++) {
                seen[b.interactions()[t]]++;
                split |= t > 0 && b.interactions()[t] != b.interactions()[t - 1];
            }
        }
        int[] expected = new int[data.size()];
        java.util.Arrays.fill(expected, NEGATIVES);
        assertArrayEquals(expected, seen);
        assertTrue(split);
        // Same seed, same epoch as the four-argument constructor: the grouped flag off is today's epoch.
        List<Batch> again = epoch(new TripleBatches(data, new RejectionSampler(), NEGATIVES, 10, null, false), 1);
        for (int i = 0; i < epoch.size(); i++) {
            assertArrayEquals(epoch.get(i).interactions(), again.get(i).interactions());
            assertArrayEquals(epoch.get(i).negatives(), again.get(i).negatives());
        }
    }
}
