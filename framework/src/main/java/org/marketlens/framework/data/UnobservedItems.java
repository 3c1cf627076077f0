package org.marketlens.framework.data;

import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.marketlens.api.data.InteractionData;

/**
 * Uniform sampling, without replacement, of evaluation negatives: items the user never interacted with in any split
 * (MODELS.md A-5).
 */
public final class UnobservedItems {
    private UnobservedItems() {
    }

    /**
     * @param all    every interaction of the dataset (all splits)
     * @param user   the user
     * @param count  how many items to draw
     * @param random the split's random stream
     * @return {@code count} distinct items the user has no interaction with
     * @throws IllegalArgumentException when the user has fewer than {@code count} such items
     */
    public static int[] sample(InteractionData all, int user, int count, SplittableRandom random) {
        int seen = (int) IntStream.range(all.userStart(user), all.userEnd(user)).map(all::item).distinct().count();
        int unobserved = all.numItems() - seen;
        if (unobserved < count) {
            throw new IllegalArgumentException("user " + all.users().externalId(user) + " has only " + unobserved
                    + " unobserved items; cannot sample " + count + " negatives");
        }
        int[] out = new int[count];
        BitSet chosen = new BitSet(all.numItems());
        if (count * 2L > unobserved) {
            // Dense case: rejection would loop long; draw a partial Fisher-Yates shuffle of the unobserved items.
            int[] pool = IntStream.range(0, all.numItems()).filter(i -> !all.contains(user, i)).toArray();
            for (int n = 0; n < count; n++) {
                int j = n + random.nextInt(pool.length - n);
                int t = pool[n];
                pool[n] = pool[j];
                pool[j] = t;
                out[n] = pool[n];
            }
            return out;
        }
        for (int n = 0; n < count; ) {
            int candidate = random.nextInt(all.numItems());
            if (!chosen.get(candidate) && !all.contains(user, candidate)) {
                chosen.set(candidate);
                out[n++] = candidate;
            }
        }
        return out;
    }
}
