package org.marketlens.eval.holdout;

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

/**
 * The 70/10/20 split of Chapter 4.2 (MODELS.md §2.11).
 * <ul>
 *   <li><b>time</b> (data with timestamps): all interactions of the dataset are sorted by time (a global split, as
 *       §2.11 states: "sort all interactions by time"; equal times: user index, then the user's stored order); the
 *       last {@code test} share is the test set; validation is a random subset of the rest of size
 *       {@code validation / (1 − test)} of it (A-23: 12.5% of the first 80% gives 70/10/20). Repetitions with other
 *       seeds redraw only the validation subset; the test set stays the same, as in the dissertation.</li>
 *   <li><b>random</b> (no timestamps): a seeded shuffle of all interactions cut at 70% and 80%.</li>
 * </ul>
 * Held-out interactions whose user or item never occurs in training are dropped and counted. A user's
 * ground truth is the distinct held-out items that are relevant (rating ≥ {@code minRelevantRating} when given,
 * §2.2) and not already among the items the user is known to have: the training items for validation, the training
 * and validation items for test. Those known items are the case's context, so full ranking skips them.
 */
final class HoldoutSplit {
    static final int TRAIN = 0;
    static final int VALIDATION = 1;
    static final int TEST = 2;

    private final double validation;
    private final double test;
    private final boolean byTime;
    private final double minRelevantRating;

    HoldoutSplit(double validation, double test, boolean byTime, double minRelevantRating) {
        if (validation < 0 || test <= 0 || validation + test >= 1) {
            throw new IllegalArgumentException("need 0 <= validation, 0 < test and validation + test < 1; got "
                    + validation + " and " + test);
        }
        this.validation = validation;
        this.test = test;
        this.byTime = byTime;
        this.minRelevantRating = minRelevantRating;
    }

    /** @return the part (TRAIN, VALIDATION, TEST) of every interaction offset of {@code data} */
    int[] assign(InteractionData data, long seed) {
        int n = data.size();
        SplittableRandom random = new SplittableRandom(seed);
        int[] partOf = new int[n];
        int testCount = (int) Math.round(n * test);
        if (byTime) {
            int[] userOf = usersOf(data);
            Integer[] order = new Integer[n];
            for (int k = 0; k < n; k++) {
                order[k] = k;
            }
            Arrays.sort(order, Comparator.<Integer>comparingLong(data::timestamp)
                    .thenComparingInt(k -> userOf[k]).thenComparingInt(k -> k));
            int first = n - testCount;
            for (int p = first; p < n; p++) {
                partOf[order[p]] = TEST;
            }
            int validationCount = (int) Math.round(first * validation / (1 - test));
            int[] firstPart = new int[first];
            for (int p = 0; p < first; p++) {
                firstPart[p] = order[p];
            }
            shuffle(firstPart, random);
            for (int p = 0; p < validationCount; p++) {
                partOf[firstPart[p]] = VALIDATION;
            }
        } else {
            int[] all = IntStream.range(0, n).toArray();
            shuffle(all, random);
            int validationCount = (int) Math.round(n * validation);
            for (int p = 0; p < n; p++) {
                partOf[all[p]] = p < n - testCount - validationCount ? TRAIN : p < n - testCount ? VALIDATION : TEST;
            }
        }
        return partOf;
    }

    Split split(InteractionData data, long seed, String protocol) {
        int[] partOf = assign(data, seed);
        Interactions train = Interactions.subset(data, k -> partOf[k] == TRAIN);
        int[] trainCounts = Interactions.itemCounts(train);
        List<EvalCase> validationCases = new ArrayList<>();
        List<EvalCase> testCases = new ArrayList<>();
        int[] dropped = new int[1];
        for (int u = 0; u < data.numUsers(); u++) {
            int[] trainItems = train.itemsOf(u);
            int[] validationItems = items(data, partOf, u, VALIDATION, false);
            if (trainItems.length == 0) {
                dropped[0] += validationItems.length + items(data, partOf, u, TEST, false).length;
                continue;
            }
            int[] validationPositives = positives(data, partOf, u, VALIDATION, trainItems, trainCounts, dropped);
            if (validationPositives.length > 0) {
                validationCases.add(new EvalCase(u, InteractionData.NO_GROUP, trainItems, validationPositives, null));
            }
            int[] known = IntStream.concat(IntStream.of(trainItems), IntStream.of(validationItems)).toArray();
            int[] testPositives = positives(data, partOf, u, TEST, known, trainCounts, dropped);
            if (testPositives.length > 0) {
                testCases.add(new EvalCase(u, InteractionData.NO_GROUP, known, testPositives, null));
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("seed", seed);
        facts.put("order", byTime ? "time (global)" : "random");
        facts.put("trainInteractions", train.size());
        facts.put("validationInteractions", count(partOf, VALIDATION));
        facts.put("testInteractions", count(partOf, TEST));
        facts.put("validationCases", validationCases.size());
        facts.put("testCases", testCases.size());
        facts.put("droppedColdInteractions", dropped[0]);
        facts.put("testChecksum", CaseChecksum.of(testCases));
        return new Split(protocol, train, validationCases, testCases, facts);
    }

    private int[] positives(InteractionData data, int[] partOf, int user, int part, int[] known, int[] trainCounts,
                            int[] dropped) {
        int[] held = items(data, partOf, user, part, true);
        int[] warm = IntStream.of(held).filter(i -> trainCounts[i] > 0).toArray();
        dropped[0] += held.length - warm.length;
        int[] sortedKnown = known.clone();
        Arrays.sort(sortedKnown);
        return IntStream.of(warm).filter(i -> Arrays.binarySearch(sortedKnown, i) < 0).distinct().toArray();
    }

    private int[] items(InteractionData data, int[] partOf, int user, int part, boolean relevantOnly) {
        return IntStream.range(data.userStart(user), data.userEnd(user))
                .filter(k -> partOf[k] == part)
                .filter(k -> !relevantOnly || Double.isNaN(minRelevantRating) || Float.isNaN(data.rating(k))
                        || data.rating(k) >= minRelevantRating)
                .map(data::item).toArray();
    }

    private static int count(int[] partOf, int part) {
        return (int) IntStream.of(partOf).filter(p -> p == part).count();
    }

    static int[] usersOf(InteractionData data) {
        int[] userOf = new int[data.size()];
        for (int u = 0; u < data.numUsers(); u++) {
            Arrays.fill(userOf, data.userStart(u), data.userEnd(u), u);
        }
        return userOf;
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
