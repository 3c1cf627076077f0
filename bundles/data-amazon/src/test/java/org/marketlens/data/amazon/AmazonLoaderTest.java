package org.marketlens.data.amazon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.InteractionData;

class AmazonLoaderTest {
    private static String fixture(String name) throws Exception {
        return Path.of(AmazonLoaderTest.class.getResource(name).toURI()).toString();
    }

    @Test
    void readsJsonLinesSkippingOtherFields() throws Exception {
        InteractionData d = new AmazonLoader().load(Map.of("path", fixture("reviews_Toys_5.json"))).interactions();
        assertEquals(3, d.size());
        int a1 = d.users().index("A1");
        assertEquals("B02", d.items().externalId(d.item(d.userStart(a1))), "1300000000 comes first");
        assertEquals(4f, d.rating(d.userStart(a1)));
        assertEquals(1300000000L, d.timestamp(d.userStart(a1)));
    }

    @Test
    void gzipGivesTheSameInteractionsAndItsOwnChecksum() throws Exception {
        Dataset plain = new AmazonLoader().load(Map.of("path", fixture("reviews_Toys_5.json")));
        Dataset gz = new AmazonLoader().load(Map.of("path", fixture("reviews_Toys_5.json.gz")));
        assertEquals(plain.interactions().size(), gz.interactions().size());
        assertEquals(plain.interactions().timestamp(0), gz.interactions().timestamp(0));
        assertNotEquals(sha(plain), sha(gz), "the checksum is of the bytes on disk");
    }

    private static Object sha(Dataset d) {
        return ((Map<?, ?>) ((List<?>) d.facts().get("files")).get(0)).get("sha256");
    }

    @Test
    void missingFieldNamesTheLine() throws Exception {
        IOException e = assertThrows(IOException.class,
                () -> new AmazonLoader().load(Map.of("path", fixture("missing-asin.json"))));
        assertTrue(e.getMessage().contains("missing-asin.json line 2: expected fields 'reviewerID' and 'asin'"),
                e.getMessage());
    }

    @Test
    void readsRatingsCsv() throws Exception {
        InteractionData d = new AmazonLoader().load(Map.of("path", fixture("ratings_Toys.csv"))).interactions();
        assertEquals(2, d.size());
        assertEquals(1, d.numItems());
    }
}
