package org.marketlens.framework.data;

import java.util.Arrays;
import org.marketlens.api.data.IdMap;
import org.marketlens.api.data.InteractionData;

/**
 * Collects interactions in any order and builds {@link Interactions} (counting sort by user, then a stable sort
 * by time within each user). Columns that were never given (all ratings NaN, all times absent, all groups absent)
 * are not stored.
 */
public final class InteractionsBuilder {
    private final IdMap users;
    private final IdMap items;
    private final boolean growing;
    private int size;
    private int[] userOf = new int[1024];
    private int[] itemOf = new int[1024];
    private float[] ratings = new float[1024];
    private long[] times = new long[1024];
    private int[] groups = new int[1024];
    private boolean anyRating;
    private boolean anyTime;
    private boolean anyGroup;

    InteractionsBuilder(IdMap users, IdMap items, boolean growing) {
        this.users = users;
        this.items = items;
        this.growing = growing;
    }

    /**
     * Adds an interaction by external ids (only on a builder from {@link Interactions#builder()}).
     *
     * @return this builder
     */
    public InteractionsBuilder add(String user, String item, float rating, long time, int group) {
        if (!growing) {
            throw new IllegalStateException("this builder has fixed id maps; add by index");
        }
        return add(((DenseIdMap) users).indexOrAdd(user), ((DenseIdMap) items).indexOrAdd(item), rating, time, group);
    }

    /**
     * Adds an interaction by dense indices.
     *
     * @param rating rating or {@link InteractionData#NO_RATING}
     * @param time   time or {@link InteractionData#NO_TIME}
     * @param group  group or {@link InteractionData#NO_GROUP}
     * @return this builder
     */
    public InteractionsBuilder add(int user, int item, float rating, long time, int group) {
        if (user < 0 || user >= users.size() || item < 0 || item >= items.size()) {
            throw new IllegalArgumentException("user " + user + " or item " + item + " outside the id maps");
        }
        if (size == userOf.length) {
            int n = size * 2;
            userOf = Arrays.copyOf(userOf, n);
            itemOf = Arrays.copyOf(itemOf, n);
            ratings = Arrays.copyOf(ratings, n);
            times = Arrays.copyOf(times, n);
            groups = Arrays.copyOf(groups, n);
        }
        userOf[size] = user;
        itemOf[size] = item;
        ratings[size] = rating;
        times[size] = time;
        groups[size] = group;
        anyRating |= !Float.isNaN(rating);
        anyTime |= time != InteractionData.NO_TIME;
        anyGroup |= group != InteractionData.NO_GROUP;
        size++;
        return this;
    }

    /** @return number of interactions added so far */
    public int size() {
        return size;
    }

    /** @return the immutable data */
    public Interactions build() {
        int numUsers = users.size();
        int[] rowStart = new int[numUsers + 1];
        for (int k = 0; k < size; k++) {
            rowStart[userOf[k] + 1]++;
        }
        for (int u = 0; u < numUsers; u++) {
            rowStart[u + 1] += rowStart[u];
        }
        int[] order = new int[size];
        int[] cursor = Arrays.copyOf(rowStart, numUsers);
        for (int k = 0; k < size; k++) {
            order[cursor[userOf[k]]++] = k;
        }
        if (anyTime) {
            sortRowsByTime(order, rowStart, numUsers);
        }
        int[] outItems = new int[size];
        float[] outRatings = anyRating ? new float[size] : null;
        long[] outTimes = anyTime ? new long[size] : null;
        int[] outGroups = anyGroup ? new int[size] : null;
        for (int p = 0; p < size; p++) {
            int k = order[p];
            outItems[p] = itemOf[k];
            if (outRatings != null) {
                outRatings[p] = ratings[k];
            }
            if (outTimes != null) {
                outTimes[p] = times[k];
            }
            if (outGroups != null) {
                outGroups[p] = groups[k];
            }
        }
        return new Interactions(users, items, rowStart, outItems, outRatings, outTimes, outGroups);
    }

    private void sortRowsByTime(int[] order, int[] rowStart, int numUsers) {
        for (int u = 0; u < numUsers; u++) {
            int from = rowStart[u];
            int to = rowStart[u + 1];
            if (!sortRowPacked(order, from, to)) {
                sortRowBoxed(order, from, to);
            }
        }
    }

    /**
     * Sorts one row by time with equal times in insertion order, as one primitive sort of keys
     * {@code (time - min) << b | position} when they fit in 63 bits (any row of second-resolution times spanning
     * under 68 years with fewer than 2^31 entries). Boxing every offset instead made the sort dominate the load of
     * a 20M-line file.
     *
     * @return false when the keys do not fit and nothing was changed
     */
    private boolean sortRowPacked(int[] order, int from, int to) {
        int n = to - from;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int p = from; p < to; p++) {
            min = Math.min(min, times[order[p]]);
            max = Math.max(max, times[order[p]]);
        }
        int positionBits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        if (n == 0 || max - min < 0 || 64 - Long.numberOfLeadingZeros(max - min) + positionBits > 63) {
            return n == 0;
        }
        long[] keys = new long[n];
        for (int p = from; p < to; p++) {
            keys[p - from] = ((times[order[p]] - min) << positionBits) | (p - from);
        }
        Arrays.sort(keys);
        int[] row = Arrays.copyOfRange(order, from, to);
        long mask = (1L << positionBits) - 1;
        for (int p = 0; p < n; p++) {
            order[from + p] = row[(int) (keys[p] & mask)];
        }
        return true;
    }

    private void sortRowBoxed(int[] order, int from, int to) {
        // Equal times keep insertion order: the original offset breaks ties.
        Integer[] row = new Integer[to - from];
        for (int p = from; p < to; p++) {
            row[p - from] = order[p];
        }
        Arrays.sort(row, (a, b) -> a.equals(b) ? 0
                : times[a] != times[b] ? Long.compare(times[a], times[b]) : Integer.compare(a, b));
        for (int p = from; p < to; p++) {
            order[p] = row[p - from];
        }
    }
}
