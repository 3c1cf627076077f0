package org.marketlens.api.rec;

import org.marketlens.api.data.InteractionData;

/**
 * What a recommender scores candidates for.
 *
 * @param user    user index
 * @param group   group (playlist, basket) or {@link InteractionData#NO_GROUP}
 * @param context context items, oldest first (may be empty)
 */
public record Query(int user, int group, int[] context) {
    public Query {
        if (context == null) {
            context = new int[0];
        }
    }

    /** @return a query for {@code user} with no group and no context */
    public static Query of(int user) {
        return new Query(user, InteractionData.NO_GROUP, new int[0]);
    }
}
