package org.marketlens.framework.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;

/**
 * Leave-one-out per user (MODELS.md §4.8): the user's last interaction by time is the test item (a random one when
 * there are no times), one random remaining interaction is the validation item, the rest is training. Each
 * held-out item is ranked against {@code negatives} items sampled uniformly without replacement from the items
 * the user never interacted with in any split; validation and test negatives are drawn independently.
 * Users with fewer than three interactions stay wholly in training. Held-out items absent from training are
 * dropped and counted.
 */
public final class LeaveOneOutSplitter {
    private final int negatives;

    /** @param negatives sampled negatives per held-out item (100 in the dissertation) */
    public LeaveOneOutSplitter(int negatives) {
        if (negatives < 1) {
            throw new IllegalArgumentException("negatives must be >= 1, got " + negatives);
        }
        this.negatives = negatives;
    }

    /**
     * @param data     every interaction
     * @param protocol name recorded in the split
     * @param seed     the split seed
     * @return the split, named {@code protocol}
     */
    public Split split(InteractionData data, String protocol, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int users = data.numUsers();
        int[] testOffset = new int[users];
        int[] validationOffset = new int[users];
        Arrays.fill(testOffset, -1);
        Arrays.fill(validationOffset, -1);
        for (int u = 0; u < users; u++) {
            int from = data.userStart(u);
            int n = data.userEnd(u) - from;
            if (n < 3) {
                continue;
            }
            int test = data.hasTimestamps() ? n - 1 : random.nextInt(n);
            int validation = random.nextInt(n - 1);
            if (validation >= test) {
                validation++;
            }
            testOffset[u] = from + test;
            validationOffset[u] = from + validation;
        }
        BitSet heldOut = new BitSet(data.size());
        for (int u = 0; u < users; u++) {
            if (testOffset[u] >= 0) {
                heldOut.set(testOffset[u]);
                heldOut.set(validationOffset[u]);
            }
        }
        Interactions train = Interactions.subset(data, k -> !heldOut.get(k));
        int[] trainCounts = Interactions.itemCounts(train);
        List<EvalCase> validationCases = new ArrayList<>();
        List<EvalCase> testCases = new ArrayList<>();
        int dropped = 0;
        for (int u = 0; u < users; u++) {
            if (testOffset[u] < 0) {
                continue;
            }
            int[] context = train.itemsOf(u);
            int validationItem = data.item(validationOffset[u]);
            int testItem = data.item(testOffset[u]);
            int[] validationNegatives = UnobservedItems.sample(data, u, negatives, random);
            int[] testNegatives = UnobservedItems.sample(data, u, negatives, random);
            if (trainCounts[validationItem] > 0) {
                validationCases.add(new EvalCase(u, InteractionData.NO_GROUP, context, new int[] {validationItem},
                        validationNegatives));
            } else {
                dropped++;
            }
            if (trainCounts[testItem] > 0) {
                testCases.add(new EvalCase(u, InteractionData.NO_GROUP, context, new int[] {testItem}, testNegatives));
            } else {
                dropped++;
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("seed", seed);
        facts.put("negatives", negatives);
        facts.put("trainInteractions", train.size());
        facts.put("validationCases", validationCases.size());
        facts.put("testCases", testCases.size());
        facts.put("droppedColdCases", dropped);
        facts.put("testChecksum", CaseChecksum.of(testCases));
        return new Split(protocol, train, validationCases, testCases, facts);
    }
}
