package org.marketlens.framework.preprocess;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.data.Interactions;

/**
 * Removes repeated interactions, keeping the first in each user's (chronological) order: either repeated
 * (user, item) pairs, or repeated items within one group, e.g. a song listed twice in a playlist (MODELS.md §3.12).
 */
public final class Deduplication {
    private Deduplication() {
    }

    /** @return the data with each (user, item) pair once */
    public static Interactions userItem(InteractionData data) {
        BitSet keep = new BitSet(data.size());
        BitSet seen = new BitSet(data.numItems());
        for (int u = 0; u < data.numUsers(); u++) {
            for (int k = data.userStart(u); k < data.userEnd(u); k++) {
                if (!seen.get(data.item(k))) {
                    seen.set(data.item(k));
                    keep.set(k);
                }
            }
            for (int k = data.userStart(u); k < data.userEnd(u); k++) {
                seen.clear(data.item(k));
            }
        }
        return Interactions.subset(data, keep::get);
    }

    /** @return the data with each (group, item) pair once; ungrouped interactions are deduplicated per user */
    public static Interactions groupItem(InteractionData data) {
        BitSet keep = new BitSet(data.size());
        Set<Long> seen = new HashSet<>();
        for (int u = 0; u < data.numUsers(); u++) {
            seen.clear();
            for (int k = data.userStart(u); k < data.userEnd(u); k++) {
                long key = ((long) data.group(k) << 32) | (data.item(k) & 0xffffffffL);
                if (seen.add(key)) {
                    keep.set(k);
                }
            }
        }
        return Interactions.subset(data, keep::get);
    }
}
