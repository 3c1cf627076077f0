package org.marketlens.framework.preprocess;

import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;

/**
 * Drops users and items that have no interaction left after filtering and renumbers the rest densely, keeping
 * external ids, per-user order, ratings, times and group ids. Users keep their relative order; items are numbered
 * in order of first appearance when users are read in index order.
 */
public final class Reindexing {
    private Reindexing() {
    }

    /**
     * @param data filtered data, possibly with empty users or unused items
     * @return equivalent data over only the users and items that occur
     */
    public static Interactions compact(InteractionData data) {
        InteractionsBuilder b = Interactions.builder();
        for (int u = 0; u < data.numUsers(); u++) {
            String user = data.users().externalId(u);
            for (int k = data.userStart(u); k < data.userEnd(u); k++) {
                b.add(user, data.items().externalId(data.item(k)), data.rating(k), data.timestamp(k), data.group(k));
            }
        }
        return b.build();
    }
}
