package org.marketlens.framework.preprocess;

import java.util.BitSet;
import java.util.function.IntPredicate;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.data.Interactions;

/**
 * Iterative k-core filter (MODELS.md §2.11, §4.8, §5.7): repeatedly removes users with fewer than {@code minUser}
 * counted interactions and items with fewer than {@code minItem}, until every remaining user and item qualifies.
 * Which interactions count is a predicate, so that on explicit data the core is taken on liked interactions only
 * (§2.11 [ASSUMPTION]) while the disliked interactions of surviving users and items are kept. Counts are of
 * interactions, not of distinct items (remove duplicates first when they must not count twice).
 */
public final class KCore {
    private KCore() {
    }

    /**
     * @param data     the data
     * @param minUser  minimum counted interactions per user (1 = no user filter)
     * @param minItem  minimum counted interactions per item (1 = no item filter)
     * @param counted  which interaction offsets count towards the thresholds
     * @return the interactions of surviving users and items (same id maps; compact with {@link Reindexing})
     */
    public static Interactions filter(InteractionData data, int minUser, int minItem, IntPredicate counted) {
        BitSet userAlive = new BitSet(data.numUsers());
        userAlive.set(0, data.numUsers());
        BitSet itemAlive = new BitSet(data.numItems());
        itemAlive.set(0, data.numItems());
        boolean changed = true;
        while (changed) {
            int[] userCount = new int[data.numUsers()];
            int[] itemCount = new int[data.numItems()];
            for (int u = userAlive.nextSetBit(0); u >= 0; u = userAlive.nextSetBit(u + 1)) {
                for (int k = data.userStart(u); k < data.userEnd(u); k++) {
                    int i = data.item(k);
                    if (itemAlive.get(i) && counted.test(k)) {
                        userCount[u]++;
                        itemCount[i]++;
                    }
                }
            }
            changed = false;
            for (int u = userAlive.nextSetBit(0); u >= 0; u = userAlive.nextSetBit(u + 1)) {
                if (userCount[u] < minUser) {
                    userAlive.clear(u);
                    changed = true;
                }
            }
            for (int i = itemAlive.nextSetBit(0); i >= 0; i = itemAlive.nextSetBit(i + 1)) {
                if (itemCount[i] < minItem) {
                    itemAlive.clear(i);
                    changed = true;
                }
            }
        }
        BitSet keep = new BitSet(data.size());
        for (int u = userAlive.nextSetBit(0); u >= 0; u = userAlive.nextSetBit(u + 1)) {
            for (int k = data.userStart(u); k < data.userEnd(u); k++) {
                if (itemAlive.get(data.item(k))) {
                    keep.set(k);
                }
            }
        }
        return Interactions.subset(data, keep::get);
    }
}
