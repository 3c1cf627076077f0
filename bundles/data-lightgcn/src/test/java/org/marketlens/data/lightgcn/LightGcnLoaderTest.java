package org.marketlens.data.lightgcn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;

class LightGcnLoaderTest {
    private static String fixture(String name) throws Exception {
        return Path.of(LightGcnLoaderTest.class.getResource(name).toURI()).toString();
    }

    private static int[] ext(InteractionData d, int[] items) {
        return Arrays.stream(items).map(i -> Integer.parseInt(d.items().externalId(i))).sorted().toArray();
    }

    @Test
    void publishedSplitBecomesThePresplit() throws Exception {
        Dataset ds = new LightGcnLoader().load(Map.of("path", fixture("split")));
        assertEquals(11, ds.interactions().size());
        Split split = ds.presplit().orElseThrow();
        InteractionData train = split.train();
        assertEquals(5, train.size());
        // User 0's validation item 3 never occurs in training, so the only validation case is user 1's item 0.
        assertEquals(1, split.validation().size());
        EvalCase v1 = split.validation().get(0);
        assertEquals(1, v1.user());
        assertNull(v1.negatives(), "full ranking");
        assertArrayEquals(new int[] {0}, ext(train, v1.positives()));
        EvalCase t0 = split.test().get(0);
        // User 0's test items 4 and 1: item 4 never occurs in training -> dropped.
        assertArrayEquals(new int[] {1}, ext(train, t0.positives()));
        assertArrayEquals(new int[] {0, 1, 2, 3}, ext(train, t0.context()), "test context = train + validation");
        assertEquals(1, split.test().size(), "user 1's test items 3 and 9 are cold");
        assertEquals(4, split.facts().get("droppedColdPositives"));
        for (EvalCase c : split.test()) {
            for (int p : c.positives()) {
                assertFalse(train.contains(c.user(), p), "no test positive in training");
            }
        }
    }

    @Test
    void malformedLineIsReported() throws Exception {
        IOException e = assertThrows(IOException.class, () -> new LightGcnLoader().load(Map.of("path", fixture("bad"))));
        assertTrue(e.getMessage().contains("train.txt line 2"), e.getMessage());
    }

    @Test
    void sharedMovieLens1mSplitHasThePublishedCounts() throws Exception {
        Path data = Path.of(System.getProperty("marketlens.shared", "../shared"), "data", "ml-1m-implicit-lightgcn");
        assumeTrue(Files.isDirectory(data), "ml-1m-implicit-lightgcn not found at " + data + "; skipping");
        Dataset ds = new LightGcnLoader().load(Map.of("path", data.toString()));
        assertEquals(836_478, ds.interactions().size());
        assertEquals(6_039, ds.interactions().numUsers());
        assertEquals(3_628, ds.interactions().numItems());
        assertEquals(590_733, ds.presplit().orElseThrow().train().size());
    }
}
