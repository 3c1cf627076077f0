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
 * Leave-one-out of the shopping-basket task (MODELS.md §4.1, §4.8, A-40). Per user, the last transaction (the
 * group of the user's last stored interaction; baskets are in time order, or file order when there are no times)
 * gives the held-out items: its last item in stored order is the test item, one random other item of it the
 * validation item. The test context is that transaction minus the test item (the validation item stays in, it is
 * observed input); the validation context is the transaction minus both. Every other interaction is training, so
 * training instances built from it (e.g. by {@link org.marketlens.framework.train.ContextWindows}) have contexts
 * of training items only. A user whose last transaction has fewer than three distinct items stays wholly in
 * training. Negatives are {@code negatives} items the user never interacted with, drawn independently for
 * validation and test; held-out items absent from training are dropped and counted.
 */
public final class BasketLeaveOneOutSplitter {
    private final int negatives;

    /** @param negatives sampled negatives per held-out item (100 in the dissertation) */
    public BasketLeaveOneOutSplitter(int negatives) {
        if (negatives < 1) {
            throw new IllegalArgumentException("negatives must be >= 1, got " + negatives);
        }
        this.negatives = negatives;
    }

    /**
     * @param data     every interaction, grouped by transaction
     * @param protocol name recorded in the split
     * @param seed     the split seed
     * @return the split, named {@code protocol}
     * @throws IllegalArgumentException when the data has no transaction ids
     */
    public Split split(InteractionData data, String protocol, long seed) {
        if (!data.hasGroups()) {
            throw new IllegalArgumentException("the basket split needs grouped interactions (a transaction id)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int users = data.numUsers();
        int[] testOffset = new int[users];
        int[] validationOffset = new int[users];
        Arrays.fill(testOffset, -1);
        Arrays.fill(validationOffset, -1);
        int tooSmall = 0;
        for (int u = 0; u < users; u++) {
            int end = data.userEnd(u);
            if (end == data.userStart(u)) {
                continue;
            }
            int test = end - 1;
            int basket = data.group(test);
            List<Integer> others = new ArrayList<>();
            BitSet distinct = new BitSet();
            for (int k = data.userStart(u); k < end; k++) {
                if (data.group(k) == basket) {
                    distinct.set(data.item(k));
                    if (data.item(k) != data.item(test)) {
                        others.add(k);
                    }
                }
            }
            if (distinct.cardinality() < 3) {
                tooSmall++;
                continue;
            }
            testOffset[u] = test;
            validationOffset[u] = others.get(random.nextInt(others.size()));
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
            int basket = data.group(testOffset[u]);
            int testItem = data.item(testOffset[u]);
            int validationItem = data.item(validationOffset[u]);
            int[] testContext = basketWithout(data, u, basket, testItem, -1);
            int[] validationContext = basketWithout(data, u, basket, testItem, validationItem);
            int[] validationNegatives = UnobservedItems.sample(data, u, negatives, random);
            int[] testNegatives = UnobservedItems.sample(data, u, negatives, random);
            if (trainCounts[validationItem] > 0) {
                validationCases.add(new EvalCase(u, basket, validationContext, new int[] {validationItem},
                        validationNegatives));
            } else {
                dropped++;
            }
            if (trainCounts[testItem] > 0) {
                testCases.add(new EvalCase(u, basket, testContext, new int[] {testItem}, testNegatives));
            } else {
                dropped++;
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("seed", seed);
        facts.put("negatives", negatives);
        facts.put("heldOut", "A-40: last item of each user's last transaction (test), a random other one (validation)");
        facts.put("trainInteractions", train.size());
        facts.put("validationCases", validationCases.size());
        facts.put("testCases", testCases.size());
        facts.put("usersLastBasketUnder3Items", tooSmall);
        facts.put("droppedColdCases", dropped);
        facts.put("testChecksum", CaseChecksum.of(testCases));
        return new Split(protocol, train, validationCases, testCases, facts);
    }

    /** @return the items of the user's transaction {@code basket} in stored order, without the two given items */
    private static int[] basketWithout(InteractionData data, int user, int basket, int first, int second) {
        int[] out = new int[data.userEnd(user) - data.userStart(user)];
        int n = 0;
        for (int k = data.userStart(user); k < data.userEnd(user); k++) {
            int item = data.item(k);
            if (data.group(k) == basket && item != first && item != second) {
                out[n++] = item;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
