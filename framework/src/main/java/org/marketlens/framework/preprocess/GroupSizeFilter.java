package org.marketlens.framework.preprocess;

import java.util.HashMap;
import java.util.Map;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.data.Interactions;

/**
 * Keeps only groups (baskets, playlists) with at least {@code min} interactions: transactions with fewer than 5
 * items are removed in the basket task (MODELS.md §4.1, §4.8) and playlists with fewer than 5 songs in Chapter 4.3
 * (§3.12). Groups are identified by (user, group id). Ungrouped interactions are kept.
 */
public final class GroupSizeFilter {
    private GroupSizeFilter() {
    }

    /**
     * @param data grouped data
     * @param min  minimum group size
     * @return interactions of groups with at least {@code min} interactions
     */
    public static Interactions atLeast(InteractionData data, int min) {
        Map<Long, Integer> sizes = new HashMap<>();
        for (int u = 0; u < data.numUsers(); u++) {
            for (int k = data.userStart(u); k < data.userEnd(u); k++) {
                if (data.group(k) != InteractionData.NO_GROUP) {
                    sizes.merge(key(u, data.group(k)), 1, Integer::sum);
                }
            }
        }
        int[] userOf = new int[data.size()];
        for (int u = 0; u < data.numUsers(); u++) {
            for (int k = data.userStart(u); k < data.userEnd(u); k++) {
                userOf[k] = u;
            }
        }
        return Interactions.subset(data, k -> data.group(k) == InteractionData.NO_GROUP
                || sizes.get(key(userOf[k], data.group(k))) >= min);
    }

    private static long key(int user, int group) {
        return ((long) user << 32) | (group & 0xffffffffL);
    }
}
