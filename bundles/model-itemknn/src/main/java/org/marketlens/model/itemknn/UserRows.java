package org.marketlens.model.itemknn;

import java.util.Arrays;
import org.marketlens.api.data.InteractionData;

/**
 * The binary interaction matrix: for each user the distinct training items, sorted ascending, in one CSR array.
 * Invariant: {@code start} has {@code numUsers + 1} entries and row u is {@code items[start[u]..start[u+1])}.
 */
record UserRows(int numItems, int[] start, int[] items) {
    /** @return the distinct items of every user of {@code train} */
    static UserRows of(InteractionData train) {
        int users = train.numUsers();
        int[] start = new int[users + 1];
        int[] items = new int[train.size()];
        int n = 0;
        for (int u = 0; u < users; u++) {
            start[u] = n;
            int[] row = train.itemsOf(u);
            Arrays.sort(row);
            for (int k = 0; k < row.length; k++) {
                if (k == 0 || row[k] != row[k - 1]) {
                    items[n++] = row[k];
                }
            }
        }
        start[users] = n;
        return new UserRows(train.numItems(), start, Arrays.copyOf(items, n));
    }

    int numUsers() {
        return start.length - 1;
    }

    /** @return true when user {@code u} has item {@code i}; O(log n) */
    boolean contains(int u, int i) {
        return Arrays.binarySearch(items, start[u], start[u + 1], i) >= 0;
    }

    /** @return the transpose: for each item the users who have it, ascending */
    UserRows transpose() {
        int users = numUsers();
        int[] itemStart = new int[numItems + 1];
        for (int i : items) {
            itemStart[i + 1]++;
        }
        for (int i = 0; i < numItems; i++) {
            itemStart[i + 1] += itemStart[i];
        }
        int[] cursor = Arrays.copyOf(itemStart, numItems);
        int[] userOf = new int[items.length];
        for (int u = 0; u < users; u++) {
            for (int k = start[u]; k < start[u + 1]; k++) {
                userOf[cursor[items[k]]++] = u;
            }
        }
        return new UserRows(users, itemStart, userOf);
    }
}
