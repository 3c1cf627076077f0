package org.marketlens.framework.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.marketlens.api.data.InteractionData;
import org.junit.jupiter.api.Test;

class InteractionsTest {
    private static final float NR = InteractionData.NO_RATING;
    private static final int NG = InteractionData.NO_GROUP;

    @Test
    void builderNumbersIdsInFirstSeenOrderAndSortsEachUserByTime() {
        Interactions d = Interactions.builder()
                .add("bob", "x", 4, 30, NG)
                .add("ann", "y", 2, 10, NG)
                .add("bob", "y", 5, 10, NG)
                .add("bob", "z", 1, 30, NG)
                .build();
        assertEquals(2, d.numUsers());
        assertEquals(3, d.numItems());
        assertEquals(0, d.users().index("bob"));
        assertEquals("ann", d.users().externalId(1));
        assertEquals(-1, d.items().index("w"));
        // bob: y (t10), then x and z share t30 and keep insertion order
        assertArrayEquals(new int[] {1, 0, 2}, d.itemsOf(0));
        assertEquals(5f, d.rating(d.userStart(0)));
        assertEquals(30L, d.timestamp(d.userStart(0) + 2));
        assertEquals(1f, d.rating(d.userStart(0) + 2));
        assertArrayEquals(new int[] {1}, d.itemsOf(1));
        assertEquals(3, d.countOf(0));
        assertEquals(4, d.size());
        assertEquals(d.userEnd(0), d.userStart(1));
    }

    @Test
    void containsFindsEveryStoredPairAndNothingElse() {
        Interactions d = Interactions.builder(DenseIdMap.identity(3), DenseIdMap.identity(5))
                .add(0, 4, NR, InteractionData.NO_TIME, NG).add(0, 1, NR, InteractionData.NO_TIME, NG)
                .add(2, 3, NR, InteractionData.NO_TIME, NG).add(0, 2, NR, InteractionData.NO_TIME, NG).build();
        assertTrue(d.contains(0, 4) && d.contains(0, 1) && d.contains(0, 2) && d.contains(2, 3));
        assertFalse(d.contains(0, 3) || d.contains(1, 1) || d.contains(2, 4) || d.contains(0, 0));
        assertArrayEquals(new int[] {4, 1, 2}, d.itemsOf(0), "without times the source order is kept");
        assertEquals(0, d.countOf(1));
    }

    @Test
    void absentColumnsAreNotStored() {
        Interactions d = Interactions.builder().add("u", "i", NR, InteractionData.NO_TIME, NG).build();
        assertFalse(d.hasRatings() || d.hasTimestamps() || d.hasGroups());
        assertTrue(Float.isNaN(d.rating(0)));
        assertEquals(InteractionData.NO_TIME, d.timestamp(0));
        assertEquals(NG, d.group(0));
        Interactions g = Interactions.builder().add("u", "i", 3, 7, 5).build();
        assertTrue(g.hasRatings() && g.hasTimestamps() && g.hasGroups());
        assertEquals(5, g.group(0));
    }

    @Test
    void itemCountsAndSubsetKeepIdsAndOrder() {
        Interactions d = Interactions.builder(DenseIdMap.identity(2), DenseIdMap.identity(3))
                .add(0, 0, 1, 1, NG).add(0, 2, 2, 2, NG).add(1, 2, 3, 3, NG).add(1, 1, 4, 4, NG).build();
        assertArrayEquals(new int[] {1, 1, 2}, Interactions.itemCounts(d));
        Interactions odd = Interactions.subset(d, k -> k % 2 == 1);
        assertEquals(2, odd.size());
        assertEquals(3, odd.numItems());
        assertArrayEquals(new int[] {2}, odd.itemsOf(0));
        assertArrayEquals(new int[] {1}, odd.itemsOf(1));
        assertEquals(4f, odd.rating(odd.userStart(1)));
    }

    @Test
    void fixedMapBuilderRejectsUnknownIndicesAndExternalIds() {
        InteractionsBuilder b = Interactions.builder(DenseIdMap.identity(2), DenseIdMap.identity(2));
        assertThrows(IllegalArgumentException.class, () -> b.add(2, 0, NR, 0, NG));
        assertThrows(IllegalArgumentException.class, () -> b.add(0, -1, NR, 0, NG));
        assertThrows(IllegalStateException.class, () -> b.add("0", "0", NR, 0, NG));
    }

    @Test
    void builderGrowsPastItsInitialCapacity() {
        InteractionsBuilder b = Interactions.builder();
        for (int k = 0; k < 5000; k++) {
            b.add("u" + (k % 7), "i" + k, NR, 5000 - k, NG);
        }
        Interactions d = b.build();
        assertEquals(5000, d.size());
        for (int u = 0; u < d.numUsers(); u++) {
            for (int k = d.userStart(u) + 1; k < d.userEnd(u); k++) {
                assertTrue(d.timestamp(k) > d.timestamp(k - 1));
            }
        }
    }

    @Test
    void equalTimesKeepInsertionOrderWhateverTheTimeRange() {
        // Second-resolution times (packed sort) and a range too wide for packing (boxed sort) order alike.
        for (long spread : new long[] {1, Long.MAX_VALUE / 4}) {
            var b = Interactions.builder();
            long[] times = {3, 1, 3, 2, 1, 3};
            for (int i = 0; i < times.length; i++) {
                b.add("u", "i" + i, InteractionData.NO_RATING, times[i] == 3 ? spread * 3 : times[i], -1);
            }
            Interactions d = b.build();
            // Times 1 (i1, i4), 2 (i3), 3 (i0, i2, i5): ties in the order they were added.
            assertArrayEquals(new int[] {1, 4, 3, 0, 2, 5}, d.itemsOf(0), "spread " + spread);
        }
    }
}
