package org.marketlens.framework.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marketlens.api.data.InteractionData;

/**
 * Shopping-basket training instances (MODELS.md §4.1): every item v of a transaction t with |t| ≥ {@code minSize}
 * yields one instance with context t \ {v}, so a transaction of |t| items yields |t| instances. A basket is the
 * set of a user's interactions sharing one group id; its items need not be adjacent in the stored order.
 */
public final class BasketInstances {
    private BasketInstances() {
    }

    /**
     * @param data    grouped interactions (the group is the transaction)
     * @param minSize smallest basket that yields instances (5 in the dissertation; 1 = all)
     * @return the instances, user by user, basket by basket in order of first appearance
     */
    public static List<BasketInstance> of(InteractionData data, int minSize) {
        if (!data.hasGroups()) {
            throw new IllegalArgumentException("basket instances need grouped interactions (a transaction id)");
        }
        List<BasketInstance> out = new ArrayList<>();
        for (int u = 0; u < data.numUsers(); u++) {
            for (int[] basket : basketsOf(data, u)) {
                int group = basket[0];
                int[] items = Arrays.copyOfRange(basket, 1, basket.length);
                if (items.length < minSize) {
                    continue;
                }
                for (int t = 0; t < items.length; t++) {
                    int[] context = new int[items.length - 1];
                    System.arraycopy(items, 0, context, 0, t);
                    System.arraycopy(items, t + 1, context, t, items.length - 1 - t);
                    out.add(new BasketInstance(u, group, items[t], context));
                }
            }
        }
        return out;
    }

    /**
     * @return the baskets of {@code user} in order of first appearance, each as {@code [group, item, item, ...]}
     */
    public static List<int[]> basketsOf(InteractionData data, int user) {
        List<int[]> baskets = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        for (int k = data.userStart(user); k < data.userEnd(user); k++) {
            int g = data.group(k);
            int index = groups.indexOf(g);
            if (index < 0) {
                groups.add(g);
                baskets.add(new int[] {g, data.item(k)});
            } else {
                int[] b = baskets.get(index);
                int[] grown = Arrays.copyOf(b, b.length + 1);
                grown[b.length] = data.item(k);
                baskets.set(index, grown);
            }
        }
        return baskets;
    }
}
