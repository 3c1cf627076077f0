package org.marketlens.api.data;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An immutable set of (user, item) interactions stored user by user (compressed sparse rows).
 * Within a user, interactions are in chronological order when timestamps exist, otherwise in
 * source order. Interaction {@code k} of the whole set lies in {@code [userStart(u), userEnd(u))}
 * for its user {@code u}.
 */
@ProviderType
public interface InteractionData {
    /** Rating value returned by {@link #rating(int)} when the data has no ratings. */
    float NO_RATING = Float.NaN;
    /** Timestamp returned by {@link #timestamp(int)} when the data has no times. */
    long NO_TIME = Long.MIN_VALUE;
    /** Group returned by {@link #group(int)} when interactions are not grouped (playlist, basket, session). */
    int NO_GROUP = -1;

    int numUsers();

    int numItems();

    /** @return number of interactions */
    int size();

    IdMap users();

    IdMap items();

    /** @return offset of the first interaction of {@code user} */
    int userStart(int user);

    /** @return offset one past the last interaction of {@code user} */
    int userEnd(int user);

    /** @return the item of interaction {@code k} */
    int item(int k);

    /** @return the rating of interaction {@code k}, or {@link #NO_RATING} */
    float rating(int k);

    /** @return the time of interaction {@code k} (seconds since the epoch), or {@link #NO_TIME} */
    long timestamp(int k);

    /** @return the group (playlist, basket, session) of interaction {@code k}, or {@link #NO_GROUP} */
    int group(int k);

    /** @return true when {@code user} interacted with {@code item}; O(log n) */
    boolean contains(int user, int item);

    boolean hasRatings();

    boolean hasTimestamps();

    boolean hasGroups();

    /** @return a copy of the items of {@code user}, in stored (chronological) order */
    default int[] itemsOf(int user) {
        int from = userStart(user);
        int[] items = new int[userEnd(user) - from];
        for (int k = 0; k < items.length; k++) {
            items[k] = item(from + k);
        }
        return items;
    }

    /** @return number of interactions of {@code user} */
    default int countOf(int user) {
        return userEnd(user) - userStart(user);
    }
}
