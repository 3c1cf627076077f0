package org.marketlens.data.delimited;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;

class DelimitedLoaderTest {
    private static String fixture(String name) throws Exception {
        return Path.of(DelimitedLoaderTest.class.getResource(name).toURI()).toString();
    }

    @Test
    void mapsColumnsByHeaderName() throws Exception {
        InteractionData d = new DelimitedLoader().load(Map.of("path", fixture("header.csv"), "delimiter", "comma",
                "header", true, "userColumn", "u", "itemColumn", "i", "ratingColumn", "r", "timeColumn", "t"))
                .interactions();
        assertEquals(3, d.size());
        int y = d.users().index("y");
        assertEquals("b", d.items().externalId(d.item(d.userStart(y))), "time 10 before time 50");
        assertEquals(4f, d.rating(d.userStart(y)));
        assertTrue(d.hasTimestamps());
    }

    @Test
    void defaultsToTabUserItemWithoutRatings() throws Exception {
        IOException e = assertThrows(IOException.class,
                () -> new DelimitedLoader().load(Map.of("path", fixture("short.tsv"))));
        assertTrue(e.getMessage().contains("short.tsv line 3: expected 2 fields"), e.getMessage());
    }

    @Test
    void unknownHeaderColumnIsReported() throws Exception {
        IOException e = assertThrows(IOException.class, () -> new DelimitedLoader().load(Map.of(
                "path", fixture("header.csv"), "delimiter", ",", "header", "true", "userColumn", "user")));
        assertTrue(e.getMessage().contains("line 1: expected a header with column 'user'"), e.getMessage());
    }

    @Test
    void columnsByIndexWithoutOptionalFields() throws Exception {
        InteractionData d = new DelimitedLoader().load(Map.of("path", fixture("header.csv"), "delimiter", ",",
                "header", true)).interactions();
        assertFalse(d.hasRatings());
        assertEquals(2, d.numUsers());
    }
}
