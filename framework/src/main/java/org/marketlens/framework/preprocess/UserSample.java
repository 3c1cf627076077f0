package org.marketlens.framework.preprocess;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.data.Interactions;

/**
 * Keeps every interaction of {@code count} users drawn uniformly without replacement (seeded) from the users with
 * at least one interaction, so each kept user's history and baskets stay whole. For runs that cannot afford a
 * whole dataset on the hardware at hand; the dissertation itself samples its IJCAI-15 data (20k transactions,
 * MODELS.md §4.8). Every user is kept when {@code count} is at least their number.
 */
public final class UserSample {
    private UserSample() {
    }

    /**
     * @param data  the interactions
     * @param count users to keep, at least 1
     * @param seed  the draw's seed
     * @return the kept users' interactions
     */
    public static Interactions of(InteractionData data, int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("sampleUsers must be >= 1, got " + count);
        }
        int[] active = new int[data.numUsers()];
        int n = 0;
        for (int u = 0; u < data.numUsers(); u++) {
            if (data.countOf(u) > 0) {
                active[n++] = u;
            }
        }
        active = Arrays.copyOf(active, n);
        SplittableRandom random = new SplittableRandom(seed);
        int keep = Math.min(count, n);
        for (int i = 0; i < keep; i++) {
            int j = i + random.nextInt(n - i);
            int t = active[i];
            active[i] = active[j];
            active[j] = t;
        }
        BitSet kept = new BitSet(data.numUsers());
        for (int i = 0; i < keep; i++) {
            kept.set(active[i]);
        }
        int[] userOf = new int[data.size()];
        for (int u = 0; u < data.numUsers(); u++) {
            Arrays.fill(userOf, data.userStart(u), data.userEnd(u), u);
        }
        return Interactions.subset(data, k -> kept.get(userOf[k]));
    }
}
