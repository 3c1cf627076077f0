package org.marketlens.data.ncf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NcfSplitLoaderTest {
    private static final List<String> FILES = List.of("tiny.train.rating", "tiny.valid.rating", "tiny.valid.negative",
            "tiny.test.rating", "tiny.test.negative");

    /** The fixture files are stored as {@code <name>.txt} (so no published-data file name is committed) and laid out
     * under their real names in a fresh folder. */
    private static Path fixture() throws IOException, URISyntaxException {
        Path stored = Path.of(NcfSplitLoaderTest.class.getResource("tiny/tiny.train.rating.txt").toURI()).getParent();
        Path dir = Files.createTempDirectory("ncf-fixture");
        for (String name : FILES) {
            Files.copy(stored.resolve(name + ".txt"), dir.resolve(name));
            dir.resolve(name).toFile().deleteOnExit();
        }
        dir.toFile().deleteOnExit();
        return dir;
    }

    private static Dataset load(Path dir, String prefix) throws IOException {
        return new NcfSplitLoader().load(Map.of("dir", dir.toString(), "prefix", prefix));
    }

    @Test
    void tinySplitIsLoadedAsPublished() throws Exception {
        Dataset ds = load(fixture(), "tiny");
        InteractionData all = ds.interactions();
        assertEquals(3, all.numUsers());
        // item 4 occurs only in test, items 5 and 6 only as negatives: they still exist, ids kept as in the file
        assertEquals(7, all.numItems());
        for (int k = 0; k < 7; k++) {
            assertEquals(Integer.toString(k), all.items().externalId(k));
            assertEquals(k, all.items().index(Integer.toString(k)));
        }
        assertEquals(14, all.size());
        Split split = ds.presplit().orElseThrow();
        assertEquals("ncf-split", split.protocol());
        assertEquals(8, split.train().size());
        assertArrayEquals(new int[] {2, 0, 1}, split.train().itemsOf(0), "training data is in time order");
        assertEquals(3, split.validation().size());
        assertEquals(3, split.test().size());

        EvalCase t0 = split.test().get(0);
        assertEquals(0, t0.user());
        assertArrayEquals(new int[] {4}, t0.positives());
        assertArrayEquals(new int[] {5, 6}, t0.negatives());
        assertArrayEquals(new int[] {0, 2, 1}, t0.context(), "context is the training items in file order");
        EvalCase t2 = split.test().get(2);
        assertArrayEquals(new int[] {6, 5}, t2.negatives(), "negatives keep their file order");
        EvalCase v1 = split.validation().get(1);
        assertEquals(1, v1.user());
        assertArrayEquals(new int[] {0}, v1.positives());
        assertArrayEquals(new int[] {6, 4}, v1.negatives());
        assertArrayEquals(new int[] {1, 3}, v1.context());
        assertEquals(5f, all.rating(all.userStart(1) + 2));
    }

    @Test
    void factsRecordEveryFilesSha256() throws Exception {
        Dataset ds = load(fixture(), "tiny");
        for (String f : FILES) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(fixture().resolve(f)));
            assertEquals(HexFormat.of().formatHex(digest), ds.facts().get("sha256:" + f), f);
        }
        assertEquals("tiny", ds.facts().get("prefix"));
        assertEquals(3, ds.facts().get("testCases"));
    }

    @Test
    void prefixIsInferredFromTheOnlyTrainingFile() throws Exception {
        Dataset ds = new NcfSplitLoader().load(Map.of("dir", fixture().toString()));
        assertEquals("tiny", ds.name());
    }

    @Test
    void splitWithoutValidationFilesHasNoValidationCases(@TempDir Path dir) throws Exception {
        copy(dir, "tiny.train.rating", "tiny.test.rating", "tiny.test.negative");
        Split split = load(dir, "tiny").presplit().orElseThrow();
        assertTrue(split.validation().isEmpty());
        assertEquals(3, split.test().size());
    }

    @Test
    void vadFilesAreReadAsValidation(@TempDir Path dir) throws Exception {
        copy(dir, "tiny.train.rating", "tiny.test.rating", "tiny.test.negative");
        Files.copy(fixture().resolve("tiny.valid.rating"), dir.resolve("tiny.vad.rating"));
        Files.copy(fixture().resolve("tiny.valid.negative"), dir.resolve("tiny.vad.negative"));
        assertEquals(3, load(dir, "tiny").presplit().orElseThrow().validation().size());
    }

    @Test
    void mismatchedNegativeLineNamesFileAndLine(@TempDir Path dir) throws Exception {
        copyAll(dir);
        Files.writeString(dir.resolve("tiny.test.negative"), "(0,4)\t5\t6\n(1,3)\t5\t6\n(2,4)\t6\t5\n");
        IOException e = assertThrows(IOException.class, () -> load(dir, "tiny"));
        assertTrue(e.getMessage().contains("tiny.test.negative:2:") && e.getMessage().contains("(1,2)"),
                e.getMessage());
    }

    @Test
    void badTimestampNamesFileAndLine(@TempDir Path dir) throws Exception {
        copyAll(dir);
        Files.writeString(dir.resolve("tiny.train.rating"), "0\t0\t5\t100\n0\t2\t3\tyesterday\n");
        IOException e = assertThrows(IOException.class, () -> load(dir, "tiny"));
        assertTrue(e.getMessage().contains("tiny.train.rating:2:") && e.getMessage().contains("timestamp"),
                e.getMessage());
    }

    @Test
    void missingOrShortNegativeFilesAreErrors(@TempDir Path dir) throws Exception {
        copy(dir, "tiny.train.rating", "tiny.test.rating");
        IOException missing = assertThrows(IOException.class, () -> load(dir, "tiny"));
        assertTrue(missing.getMessage().contains("tiny.test.negative"), missing.getMessage());
        Files.writeString(dir.resolve("tiny.test.negative"), "(0,4)\t5\t6\n");
        IOException shorter = assertThrows(IOException.class, () -> load(dir, "tiny"));
        assertTrue(shorter.getMessage().contains("expected 3 lines"), shorter.getMessage());
        Files.writeString(dir.resolve("tiny.test.negative"), "(0,4)\t5\t6\n(1,2)\n(2,4)\t6\t5\n");
        IOException empty = assertThrows(IOException.class, () -> load(dir, "tiny"));
        assertTrue(empty.getMessage().contains("tiny.test.negative:2:"), empty.getMessage());
    }

    @Test
    void nonIntegerIdsAreNumberedInFirstSeenOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("s.train.rating"), "bob\tx\nbob\ty\nann\ty\n");
        Files.writeString(dir.resolve("s.test.rating"), "bob\tz\nann\tx\n");
        Files.writeString(dir.resolve("s.test.negative"), "(bob,z)\tw\n(ann,x)\tz\n");
        Dataset ds = load(dir, "s");
        InteractionData all = ds.interactions();
        assertEquals(0, all.users().index("bob"));
        assertEquals(1, all.users().index("ann"));
        assertEquals(4, all.numItems());
        assertEquals(3, all.items().index("w"));
        assertTrue(!all.hasRatings() && !all.hasTimestamps());
        EvalCase c = ds.presplit().orElseThrow().test().get(1);
        assertArrayEquals(new int[] {1}, c.context());
        assertArrayEquals(new int[] {2}, c.negatives());
    }

    /** The published MovieLens-100K split (shared/data/ml-100k-loo, see its README). */
    @Test
    void ml100kLooHasThePublishedCounts() throws Exception {
        Path dir = Path.of(System.getProperty("marketlens.shared", "../shared"), "data", "ml-100k-loo");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("ml100k.train.rating")),
                "skipped: " + dir + " is absent (the shared data folder is not mounted)");
        Dataset ds = load(dir, "ml100k");
        Split split = ds.presplit().orElseThrow();
        assertEquals(943, ds.interactions().numUsers());
        assertEquals(1682, ds.interactions().numItems());
        assertEquals(98_114, split.train().size());
        assertEquals(100_000, ds.interactions().size());
        assertEquals(943, split.test().size());
        assertEquals(943, split.validation().size());
        for (EvalCase c : split.test()) {
            assertEquals(100, c.negatives().length);
            assertTrue(c.context().length >= 18);
        }
        assertEquals("941", ds.interactions().users().externalId(941));
        assertEquals(0, ds.facts().get("positivesInTrainContext"));
        assertNull(ds.facts().get("sha256:ml100k.valid.rating"));
        assertTrue(ds.facts().containsKey("sha256:ml100k.vad.negative"));
    }

    private static void copyAll(Path dir) throws Exception {
        copy(dir, FILES.toArray(String[]::new));
    }

    private static void copy(Path dir, String... names) throws Exception {
        for (String n : names) {
            Files.copy(fixture().resolve(n), dir.resolve(n));
        }
    }
}
