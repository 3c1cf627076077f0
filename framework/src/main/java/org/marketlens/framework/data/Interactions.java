package org.marketlens.framework.data;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.marketlens.api.data.IdMap;
import org.marketlens.api.data.InteractionData;

/**
 * Immutable CSR storage of interactions. Invariant: {@code rowStart} has {@code numUsers + 1} entries; the
 * interactions of user u are {@code [rowStart[u], rowStart[u+1])}, in chronological order when times exist
 * (ties keep insertion order); {@code sortedItems} holds the same rows sorted by item for O(log n) membership.
 */
public final class Interactions implements InteractionData {
    private final IdMap users;
    private final IdMap items;
    private final int[] rowStart;
    private final int[] itemOf;
    private final float[] ratings;
    private final long[] times;
    private final int[] groups;
    private final int[] sortedItems;

    Interactions(IdMap users, IdMap items, int[] rowStart, int[] itemOf, float[] ratings, long[] times, int[] groups) {
        this.users = users;
        this.items = items;
        this.rowStart = rowStart;
        this.itemOf = itemOf;
        this.ratings = ratings;
        this.times = times;
        this.groups = groups;
        this.sortedItems = itemOf.clone();
        for (int u = 0; u < users.size(); u++) {
            Arrays.sort(sortedItems, rowStart[u], rowStart[u + 1]);
        }
    }

    /** @return a builder that assigns dense indices to external ids as it meets them */
    public static InteractionsBuilder builder() {
        return new InteractionsBuilder(new DenseIdMap(), new DenseIdMap(), true);
    }

    /**
     * @return a builder over fixed id maps, taking dense indices (used to build splits sharing the ids of their
     *         source)
     */
    public static InteractionsBuilder builder(IdMap users, IdMap items) {
        return new InteractionsBuilder(users, items, false);
    }

    /**
     * Copies the interactions {@code k} of {@code source} for which {@code keep.test(k)} holds, with the same id
     * maps and per-user order.
     *
     * @param source the data to copy from
     * @param keep   which interaction offsets to keep
     * @return the subset
     */
    public static Interactions subset(InteractionData source, IntPredicate keep) {
        InteractionsBuilder b = builder(source.users(), source.items());
        for (int u = 0; u < source.numUsers(); u++) {
            for (int k = source.userStart(u); k < source.userEnd(u); k++) {
                if (keep.test(k)) {
                    b.add(u, source.item(k), source.rating(k), source.timestamp(k), source.group(k));
                }
            }
        }
        return b.build();
    }

    @Override
    public int numUsers() {
        return users.size();
    }

    @Override
    public int numItems() {
        return items.size();
    }

    @Override
    public int size() {
        return itemOf.length;
    }

    @Override
    public IdMap users() {
        return users;
    }

    @Override
    public IdMap items() {
        return items;
    }

    @Override
    public int userStart(int user) {
        return rowStart[user];
    }

    @Override
    public int userEnd(int user) {
        return rowStart[user + 1];
    }

    @Override
    public int item(int k) {
        return itemOf[k];
    }

    @Override
    public float rating(int k) {
        return ratings == null ? NO_RATING : ratings[k];
    }

    @Override
    public long timestamp(int k) {
        return times == null ? NO_TIME : times[k];
    }

    @Override
    public int group(int k) {
        return groups == null ? NO_GROUP : groups[k];
    }

    @Override
    public boolean contains(int user, int item) {
        return Arrays.binarySearch(sortedItems, rowStart[user], rowStart[user + 1], item) >= 0;
    }

    @Override
    public boolean hasRatings() {
        return ratings != null;
    }

    @Override
    public boolean hasTimestamps() {
        return times != null;
    }

    @Override
    public boolean hasGroups() {
        return groups != null;
    }

    /** @return number of interactions per item */
    public static int[] itemCounts(InteractionData data) {
        int[] counts = new int[data.numItems()];
        for (int k = 0; k < data.size(); k++) {
            counts[data.item(k)]++;
        }
        return counts;
    }
}
