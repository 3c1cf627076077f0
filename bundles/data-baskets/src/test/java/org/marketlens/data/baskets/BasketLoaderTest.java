package org.marketlens.data.baskets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.stats.DatasetStatistics;

class BasketLoaderTest {
    private static String fixture(String name) throws Exception {
        return Path.of(BasketLoaderTest.class.getResource(name).toURI()).toString();
    }

    @Test
    void derivedTsvGroupsItemsByBasket() throws Exception {
        InteractionData d = new BasketLoader().load(Map.of("path", fixture("baskets.tsv"))).interactions();
        DatasetStatistics s = DatasetStatistics.of(d);
        assertEquals(2, s.users());
        assertEquals(3, s.groups(), "user 1 has baskets 0 and 1, user 2 has basket 0");
        assertEquals(3, s.maxItemsPerGroup());
        assertEquals(2.0, s.avgItemsPerGroup(), 1e-12);
    }

    @Test
    void minGroupSizeDropsSmallBaskets() throws Exception {
        InteractionData d = new BasketLoader().load(Map.of("path", fixture("baskets.tsv"), "minGroupSize", 2))
                .interactions();
        assertEquals(5, d.size(), "the one-item basket 1 of user 1 is gone");
    }

    @Test
    void taFengCsvUsesCustomerAndDateAsBasket() throws Exception {
        InteractionData d = new BasketLoader().load(Map.of("path", fixture("tafeng.csv"), "format", "tafeng"))
                .interactions();
        DatasetStatistics s = DatasetStatistics.of(d);
        assertEquals(2, s.users());
        assertEquals(3, s.groups(), "customer 01104905 shopped on 11/1 and 11/2");
        int c = d.users().index("01104905");
        assertEquals(973036800L, d.timestamp(d.userStart(c)), "2000-11-01T00:00Z");
        assertEquals(d.group(d.userStart(c)), d.group(d.userStart(c) + 1), "same date, same basket");
    }

    @Test
    void badDateNamesFileAndLine() throws Exception {
        IOException e = assertThrows(IOException.class,
                () -> new BasketLoader().load(Map.of("path", fixture("bad-date.csv"), "format", "tafeng")));
        assertTrue(e.getMessage().contains("bad-date.csv line 2: expected a time in format 'M/d/yyyy'"),
                e.getMessage());
    }
}
