package org.marketlens.framework.data;

import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
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
        return sample(all.numItems(), item -> all.contains(user, item), seen, count, random,
                () -> "user " + all.users().externalId(user));
    }

    /**
     * Uniform sampling, without replacement, of items outside a known set (e.g. the songs of a playlist).
     *
     * @param numItems the catalogue size
     * @param known    the items that must not be drawn
     * @param seen     how many distinct items {@code known} holds
     * @param count    how many items to draw
     * @param random   the split's random stream
     * @param owner    names the user or group for the error message
     * @return {@code count} distinct items outside {@code known}
     * @throws IllegalArgumentException when fewer than {@code count} items are outside {@code known}
     */
    public static int[] sample(int numItems, IntPredicate known, int seen, int count, SplittableRandom random,
                               Supplier<String> owner) {
        int unobserved = numItems - seen;
        if (unobserved < count) {
            throw new IllegalArgumentException(owner.get() + " has only " + unobserved
                    + " unobserved items; cannot sample " + count + " negatives");
        }
        int[] out = new int[count];
        BitSet chosen = new BitSet(numItems);
        if (count * 2L > unobserved) {
            // Dense case: rejection would loop long; draw a partial Fisher-Yates shuffle of the unobserved items.
            int[] pool = IntStream.range(0, numItems).filter(i -> !known.test(i)).toArray();
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
            int candidate = random.nextInt(numItems);
            if (!chosen.get(candidate) && !known.test(candidate)) {
                chosen.set(candidate);
                out[n++] = candidate;
            }
        }
        return out;
    }
}
