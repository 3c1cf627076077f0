package org.marketlens.sampler.uniform;

import java.util.SplittableRandom;
import org.marketlens.api.data.InteractionData;

/**
 * Draws one item uniformly from {@code {0..numItems-1} \ I_u}, where {@code I_u} are the user's training items.
 * A candidate drawn uniformly from all items is kept unless it collides with a positive, in which case it is drawn
 * again; the accepted item is then uniform over the complement. For users who consumed nearly every item the loop
 * gives up after {@link #MAX_REJECTIONS} collisions and picks uniformly from the explicitly listed complement, which
 * keeps the distribution uniform while bounding the work.
 */
final class UnobservedItemDraw {
    /** Collisions tolerated before switching to the explicit complement. */
    static final int MAX_REJECTIONS = 64;

    private final InteractionData train;

    UnobservedItemDraw(InteractionData train) {
        this.train = train;
    }

    /**
     * @param user   the user index
     * @param random the random stream
     * @return an item the user has no training interaction with
     * @throws IllegalArgumentException when the user interacted with every item
     */
    int next(int user, SplittableRandom random) {
        int items = train.numItems();
        for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
            int candidate = random.nextInt(items);
            if (!train.contains(user, candidate)) {
                return candidate;
            }
        }
        return fromComplement(user, random);
    }

    private int fromComplement(int user, SplittableRandom random) {
        int[] complement = new int[train.numItems()];
        int n = 0;
        for (int i = 0; i < complement.length; i++) {
            if (!train.contains(user, i)) {
                complement[n++] = i;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("user " + train.users().externalId(user)
                    + " interacted with all " + complement.length + " items: no negative to sample");
        }
        return complement[random.nextInt(n)];
    }
}
