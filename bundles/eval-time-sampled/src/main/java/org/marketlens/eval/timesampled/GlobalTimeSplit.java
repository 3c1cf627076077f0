package org.marketlens.eval.timesampled;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.framework.data.CaseChecksum;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.UnobservedItems;

/**
 * The split of Chapter 5.3 (MODELS.md §5.7): all interactions of the dataset sorted by time (equal times: user index,
 * then the user's stored order, standing in for file order), the first 70% train, the next 10% validation, the
 * last 20% test. Held-out items whose user or item is absent from training are dropped; users left without
 * positives get no case. Each case ranks all the user's held-out positives against {@code negatives} items the user
 * never interacted with in any split, drawn uniformly without replacement, independently for validation and test.
 * Context: the user's training history for validation; training + validation history for test.
 */
final class GlobalTimeSplit {
    static final int TRAIN = 0;
    static final int VALIDATION = 1;
    static final int TEST = 2;

    private final double validation;
    private final double test;
    private final int negatives;

    GlobalTimeSplit(double validation, double test, int negatives) {
        if (validation < 0 || test <= 0 || validation + test >= 1 || negatives < 1) {
            throw new IllegalArgumentException("need validation >= 0, test > 0, validation + test < 1, negatives >= 1");
        }
        this.validation = validation;
        this.test = test;
        this.negatives = negatives;
    }

    int[] assign(InteractionData data) {
        if (!data.hasTimestamps()) {
            throw new IllegalArgumentException("protocol 'time-sampled' needs timestamps (a global time split)");
        }
        int n = data.size();
        int[] userOf = new int[n];
        for (int u = 0; u < data.numUsers(); u++) {
            Arrays.fill(userOf, data.userStart(u), data.userEnd(u), u);
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(data::timestamp)
                .thenComparingInt(k -> userOf[k]).thenComparingInt(k -> k));
        int testStart = n - (int) Math.round(n * test);
        int validationStart = testStart - (int) Math.round(n * validation);
        int[] partOf = new int[n];
        for (int p = 0; p < n; p++) {
            partOf[order[p]] = p < validationStart ? TRAIN : p < testStart ? VALIDATION : TEST;
        }
        return partOf;
    }

    Split split(InteractionData data, long seed, String protocol) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] partOf = assign(data);
        Interactions train = Interactions.subset(data, k -> partOf[k] == TRAIN);
        int[] trainCounts = Interactions.itemCounts(train);
        List<EvalCase> validationCases = new ArrayList<>();
        List<EvalCase> testCases = new ArrayList<>();
        int dropped = 0;
        for (int u = 0; u < data.numUsers(); u++) {
            int user = u;
            int[] trainItems = train.itemsOf(u);
            int[] validationItems = items(data, partOf, u, VALIDATION);
            int[] testItems = items(data, partOf, u, TEST);
            if (trainItems.length == 0) {
                dropped += validationItems.length + testItems.length;
                continue;
            }
            int[] validationWarm = IntStream.of(validationItems).filter(i -> trainCounts[i] > 0).toArray();
            int[] testWarm = IntStream.of(testItems).filter(i -> trainCounts[i] > 0).toArray();
            dropped += validationItems.length - validationWarm.length + testItems.length - testWarm.length;
            int[] validationPositives = IntStream.of(validationWarm).filter(i -> !train.contains(user, i))
                    .distinct().toArray();
            if (validationPositives.length > 0) {
                validationCases.add(new EvalCase(u, InteractionData.NO_GROUP, trainItems, validationPositives,
                        UnobservedItems.sample(data, u, negatives, random)));
            }
            int[] known = IntStream.concat(IntStream.of(trainItems), IntStream.of(validationItems)).toArray();
            int[] sortedKnown = known.clone();
            Arrays.sort(sortedKnown);
            int[] testPositives = IntStream.of(testWarm).filter(i -> Arrays.binarySearch(sortedKnown, i) < 0)
                    .distinct().toArray();
            if (testPositives.length > 0) {
                testCases.add(new EvalCase(u, InteractionData.NO_GROUP, known, testPositives,
                        UnobservedItems.sample(data, u, negatives, random)));
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("seed", seed);
        facts.put("order", "time (global)");
        facts.put("negatives", negatives);
        facts.put("trainInteractions", train.size());
        facts.put("validationCases", validationCases.size());
        facts.put("testCases", testCases.size());
        facts.put("droppedColdInteractions", dropped);
        facts.put("testChecksum", CaseChecksum.of(testCases));
        return new Split(protocol, train, validationCases, testCases, facts);
    }

    private static int[] items(InteractionData data, int[] partOf, int user, int part) {
        return IntStream.range(data.userStart(user), data.userEnd(user)).filter(k -> partOf[k] == part)
                .map(data::item).toArray();
    }
}
