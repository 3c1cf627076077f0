package org.marketlens.model.cmn;

import java.util.SplittableRandom;
import org.marketlens.api.data.InteractionData;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The neighbourhood {@code N(i)} of every item: the training users who consumed it (Ebesu et al. 2018), at most
 * {@code cap} of them, as one table {@code [numItems, 2·cap]}: columns {@code [0, cap)} hold user ids, columns
 * {@code [cap, 2·cap)} the mask (1 = a neighbour, 0 = an empty slot holding user 0). An item with more than
 * {@code cap} users keeps a uniform sample of them, drawn from a stream seeded by the seed and the item, so the
 * table depends on the training data, the cap and the seed only.
 */
final class Neighbourhoods {
    private Neighbourhoods() {
    }

    /**
     * @param train training interactions
     * @param cap   the largest neighbourhood, at least 1
     * @param seed  the sampling seed for items with more than {@code cap} users
     * @return the table {@code [numItems, 2·cap]} (FLOAT; user ids are exact below 2^24)
     */
    static INDArray build(InteractionData train, int cap, long seed) {
        if (cap < 1) {
            throw new IllegalArgumentException("the neighbourhood cap must be >= 1, got " + cap);
        }
        int items = train.numItems();
        int[] counts = new int[items];
        boolean[] seen = new boolean[items];
        int[][] users = new int[items][];
        // Two passes: count distinct users per item, then fill (a user who repeats an item counts once).
        for (int pass = 0; pass < 2; pass++) {
            int[] fill = new int[items];
            for (int u = 0; u < train.numUsers(); u++) {
                for (int k = train.userStart(u); k < train.userEnd(u); k++) {
                    int i = train.item(k);
                    if (seen[i]) {
                        continue;
                    }
                    seen[i] = true;
                    if (pass == 0) {
                        counts[i]++;
                    } else {
                        users[i][fill[i]++] = u;
                    }
                }
                for (int k = train.userStart(u); k < train.userEnd(u); k++) {
                    seen[train.item(k)] = false;
                }
            }
            if (pass == 0) {
                for (int i = 0; i < items; i++) {
                    users[i] = new int[counts[i]];
                }
            }
        }
        float[] table = new float[items * 2 * cap];
        for (int i = 0; i < items; i++) {
            int[] all = users[i];
            if (all.length > cap) {
                // Partial Fisher–Yates: the first cap entries become a uniform sample without replacement.
                SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
                for (int k = 0; k < cap; k++) {
                    int j = k + random.nextInt(all.length - k);
                    int t = all[k];
                    all[k] = all[j];
                    all[j] = t;
                }
            }
            int n = Math.min(cap, all.length);
            for (int k = 0; k < n; k++) {
                table[i * 2 * cap + k] = all[k];
                table[i * 2 * cap + cap + k] = 1f;
            }
        }
        return Nd4j.create(table, new long[] {items, 2L * cap}, 'c');
    }
}
