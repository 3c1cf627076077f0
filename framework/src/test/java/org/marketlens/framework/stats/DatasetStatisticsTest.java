package org.marketlens.framework.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;

class DatasetStatisticsTest {
    private static void add(InteractionsBuilder b, String u, String i, long t, int g) {
        b.add(u, i, InteractionData.NO_RATING, t, g);
    }

    @Test
    void playlistShapedStatistics() {
        InteractionsBuilder b = Interactions.builder();
        // user a: playlist 1 {x, y, z}, playlist 2 {x}; user b: playlist 1 {y, w}
        add(b, "a", "x", 5, 1);
        add(b, "a", "y", 6, 1);
        add(b, "a", "z", 7, 1);
        add(b, "a", "x", 8, 2);
        add(b, "b", "y", 3, 1);
        add(b, "b", "w", 9, 1);
        DatasetStatistics s = DatasetStatistics.of(b.build());
        assertEquals(2, s.users());
        assertEquals(4, s.items());
        assertEquals(6, s.interactions());
        assertEquals(6.0 / 8, s.density(), 1e-12);
        assertEquals(3, s.groups(), "(a,1), (a,2), (b,1)");
        assertEquals(6.0 / 12, s.groupDensity(), 1e-12);
        assertEquals(1.5, s.avgGroupsPerUser(), 1e-12);
        assertEquals(2.0, s.avgItemsPerGroup(), 1e-12);
        assertEquals(3, s.maxItemsPerGroup());
        assertEquals(3, s.firstTime());
        assertEquals(9, s.lastTime());
        assertEquals(5, DatasetStatistics.distinctPairs(b.build()));
        assertTrue(s.markdownRow("t").startsWith("| t | 2 | 4 | 6 | 75.0% | 3 | 1.50 | 2.00 & 3 |"), s.markdownRow("t"));
    }

    @Test
    void ungroupedDataHasNoGroupFigures() {
        InteractionsBuilder b = Interactions.builder();
        add(b, "a", "x", InteractionData.NO_TIME, InteractionData.NO_GROUP);
        DatasetStatistics s = DatasetStatistics.of(b.build());
        assertEquals(0, s.groups());
        assertTrue(Double.isNaN(s.avgItemsPerGroup()));
        assertEquals(InteractionData.NO_TIME, s.firstTime());
        assertEquals("0.063%", DatasetStatistics.percent(0.00063));
        assertEquals("6.3%", DatasetStatistics.percent(100000.0 / (943 * 1682)));
    }
}
