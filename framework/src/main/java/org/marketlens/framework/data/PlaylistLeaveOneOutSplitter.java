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
 * Leave-one-out per playlist (MODELS.md §3.12): in each playlist (the interaction's group) two distinct songs are
 * drawn at random, one test positive and one validation positive; the playlist's other songs are training. Each
 * held-out song is ranked against {@code negatives} songs not in the playlist, drawn uniformly without replacement
 * and separately for validation and test. The case's context is the playlist's training songs in stored order
 * the member list at evaluation is the training songs only) and its group is the playlist. A playlist with
 * fewer than three distinct songs stays wholly in training; held-out songs absent from training are dropped and
 * counted.
 */
public final class PlaylistLeaveOneOutSplitter {
    private final int negatives;

    /** @param negatives sampled negatives per held-out song (100 in the dissertation) */
    public PlaylistLeaveOneOutSplitter(int negatives) {
        if (negatives < 1) {
            throw new IllegalArgumentException("negatives must be >= 1, got " + negatives);
        }
        this.negatives = negatives;
    }

    /**
     * @param data     every interaction, grouped by playlist
     * @param protocol name recorded in the split
     * @param seed     the split seed
     * @return the split, named {@code protocol}
     * @throws IllegalArgumentException when the data has no playlist ids
     */
    public Split split(InteractionData data, String protocol, long seed) {
        if (!data.hasGroups()) {
            throw new IllegalArgumentException("the playlist split needs grouped interactions (a playlist id)");
        }
        int[][] members = offsetsByGroup(data);
        SplittableRandom random = new SplittableRandom(seed);
        int[] testOffset = new int[members.length];
        int[] validationOffset = new int[members.length];
        Arrays.fill(testOffset, -1);
        BitSet heldOut = new BitSet(data.size());
        int tooSmall = 0;
        for (int g = 0; g < members.length; g++) {
            int[] distinct = firstOffsetPerSong(data, members[g]);
            if (distinct.length < 3) {
                tooSmall += distinct.length > 0 ? 1 : 0;
                continue;
            }
            int t = random.nextInt(distinct.length);
            int v = random.nextInt(distinct.length - 1);
            if (v >= t) {
                v++;
            }
            testOffset[g] = distinct[t];
            validationOffset[g] = distinct[v];
            for (int k : members[g]) {
                if (data.item(k) == data.item(testOffset[g]) || data.item(k) == data.item(validationOffset[g])) {
                    heldOut.set(k);
                }
            }
        }
        Interactions train = Interactions.subset(data, k -> !heldOut.get(k));
        int[] trainCounts = Interactions.itemCounts(train);
        List<EvalCase> validationCases = new ArrayList<>();
        List<EvalCase> testCases = new ArrayList<>();
        int dropped = 0;
        for (int g = 0; g < members.length; g++) {
            if (testOffset[g] < 0) {
                continue;
            }
            int user = userOf(data, testOffset[g]);
            int[] context = Arrays.stream(members[g]).filter(k -> !heldOut.get(k)).map(data::item).toArray();
            BitSet songs = new BitSet(data.numItems());
            Arrays.stream(members[g]).forEach(k -> songs.set(data.item(k)));
            int group = g;
            int[] validationNegatives = UnobservedItems.sample(data.numItems(), songs::get, songs.cardinality(),
                    negatives, random, () -> "playlist " + group);
            int[] testNegatives = UnobservedItems.sample(data.numItems(), songs::get, songs.cardinality(),
                    negatives, random, () -> "playlist " + group);
            int validationItem = data.item(validationOffset[g]);
            int testItem = data.item(testOffset[g]);
            if (trainCounts[validationItem] > 0) {
                validationCases.add(new EvalCase(user, g, context, new int[] {validationItem}, validationNegatives));
            } else {
                dropped++;
            }
            if (trainCounts[testItem] > 0) {
                testCases.add(new EvalCase(user, g, context, new int[] {testItem}, testNegatives));
            } else {
                dropped++;
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("seed", seed);
        facts.put("negatives", negatives);
        facts.put("heldOut", "MODELS.md §3.12: two random songs per playlist (test, validation)");
        facts.put("trainInteractions", train.size());
        facts.put("validationCases", validationCases.size());
        facts.put("testCases", testCases.size());
        facts.put("playlistsUnder3Songs", tooSmall);
        facts.put("droppedColdCases", dropped);
        facts.put("testChecksum", CaseChecksum.of(testCases));
        return new Split(protocol, train, validationCases, testCases, facts);
    }

    /** @return per group id, the offsets of its interactions in stored order */
    private static int[][] offsetsByGroup(InteractionData data) {
        int groups = 0;
        for (int k = 0; k < data.size(); k++) {
            groups = Math.max(groups, data.group(k) + 1);
        }
        int[] counts = new int[groups];
        for (int k = 0; k < data.size(); k++) {
            if (data.group(k) >= 0) {
                counts[data.group(k)]++;
            }
        }
        int[][] out = new int[groups][];
        for (int g = 0; g < groups; g++) {
            out[g] = new int[counts[g]];
        }
        int[] fill = new int[groups];
        for (int k = 0; k < data.size(); k++) {
            int g = data.group(k);
            if (g >= 0) {
                out[g][fill[g]++] = k;
            }
        }
        return out;
    }

    /** @return the offset of each distinct song's first occurrence among {@code offsets} */
    private static int[] firstOffsetPerSong(InteractionData data, int[] offsets) {
        BitSet seen = new BitSet(data.numItems());
        return Arrays.stream(offsets).filter(k -> {
            boolean first = !seen.get(data.item(k));
            seen.set(data.item(k));
            return first;
        }).toArray();
    }

    private static int userOf(InteractionData data, int offset) {
        int lo = 0;
        int hi = data.numUsers() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (data.userStart(mid) <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
