package org.marketlens.framework.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;

class ContextWindowsTest {
    /** User a: items x0..x4 in time order; user b: one item. */
    private static InteractionData sequences() {
        InteractionsBuilder b = Interactions.builder();
        for (int t = 0; t < 5; t++) {
            b.add("a", "x" + t, Float.NaN, t, InteractionData.NO_GROUP);
        }
        b.add("b", "x9", Float.NaN, 0, InteractionData.NO_GROUP);
        return b.build();
    }

    @Test
    void generalTaskTakesTheLatestItemsStrictlyBeforeTheTargetAndPadsTheRest() {
        InteractionData data = sequences();
        int a = data.users().index("a");
        ContextWindows w = new ContextWindows(3);
        int[] context = new int[6];
        float[] mask = new float[6];
        int start = data.userStart(a);
        assertEquals(3, w.fillTraining(data, a, start + 4, context, mask, 1));
        assertArrayEquals(new int[] {data.item(start + 1), data.item(start + 2), data.item(start + 3)},
                java.util.Arrays.copyOfRange(context, 3, 6));
        assertEquals(1, w.fillTraining(data, a, start + 1, context, mask, 0));
        assertArrayEquals(new int[] {data.item(start), 0, 0}, java.util.Arrays.copyOfRange(context, 0, 3));
        assertArrayEquals(new float[] {1, 0, 0, 1, 1, 1}, mask);
    }

    @Test
    void instancesWithoutContextAreSkipped() {
        InteractionData data = sequences();
        int a = data.users().index("a");
        int[] instances = new ContextWindows(2).instancesWithContext(data);
        // a's first interaction and b's only one have no earlier item (MODELS.md A-39).
        assertEquals(4, instances.length);
        assertEquals(data.userStart(a) + 1, instances[0]);
    }

    @Test
    void basketTaskTakesTheOtherItemsOfTheSameBasket() {
        InteractionsBuilder b = Interactions.builder();
        b.add("u", "p", Float.NaN, 1, 0);
        b.add("u", "q", Float.NaN, 1, 0);
        b.add("u", "r", Float.NaN, 1, 0);
        b.add("u", "s", Float.NaN, 2, 1);
        InteractionData data = b.build();
        ContextWindows w = new ContextWindows(4);
        int[] context = new int[4];
        float[] mask = new float[4];
        int u = data.users().index("u");
        int k = data.userStart(u);
        while (data.item(k) != data.items().index("q")) {
            k++;
        }
        assertEquals(2, w.fillTraining(data, u, k, context, mask, 0));
        java.util.Set<Integer> others = java.util.Set.of(context[0], context[1]);
        assertEquals(java.util.Set.of(data.items().index("p"), data.items().index("r")), others);
        assertArrayEquals(new float[] {1, 1, 0, 0}, mask);
        assertEquals(3, w.instancesWithContext(data).length, "the one-item basket gives no instance");
    }

    @Test
    void queryContextKeepsTheLatestItems() {
        ContextWindows w = new ContextWindows(2);
        int[] context = new int[2];
        float[] mask = new float[2];
        assertEquals(2, w.fillQuery(new int[] {7, 8, 9}, context, mask, 0));
        assertArrayEquals(new int[] {8, 9}, context);
        assertEquals(0, w.fillQuery(new int[0], context, mask, 0));
        assertArrayEquals(new float[] {0, 0}, mask);
        assertThrows(IllegalArgumentException.class, () -> new ContextWindows(0));
    }
}
