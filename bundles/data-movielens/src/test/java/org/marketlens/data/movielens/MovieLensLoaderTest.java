package org.marketlens.data.movielens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.stats.DatasetStatistics;

class MovieLensLoaderTest {
    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(MovieLensLoaderTest.class.getResource(name).toURI());
    }

    private static Dataset load(Path path) throws IOException {
        return new MovieLensLoader().load(Map.of("path", path.toString()));
    }

    @Test
    void readsTabSeparatedUData() throws Exception {
        InteractionData d = load(fixture("u.data")).interactions();
        assertEquals(2, d.numUsers());
        assertEquals(3, d.numItems());
        int u196 = d.users().index("196");
        // Chronological: 377 (878887116) before 242 (881250949)
        assertEquals("377", d.items().externalId(d.item(d.userStart(u196))));
        assertEquals(1f, d.rating(d.userStart(u196)));
        assertEquals(878887116L, d.timestamp(d.userStart(u196)));
    }

    @Test
    void readsDoubleColonRatingsDat() throws Exception {
        InteractionData d = load(fixture("ratings.dat")).interactions();
        assertEquals(2, d.numUsers());
        assertEquals(2, d.numItems());
        assertEquals(3, d.size());
    }

    @Test
    void readsRatingsCsvWithHeaderAndHalfStars() throws Exception {
        Dataset ds = load(fixture("ratings.csv"));
        InteractionData d = ds.interactions();
        assertEquals(3, d.size());
        int u1 = d.users().index("1");
        assertEquals(3.5f, d.rating(d.userStart(u1)));
        assertEquals(4, ((Map<?, ?>) ((java.util.List<?>) ds.facts().get("files")).get(0)).get("lines"));
    }

    @Test
    void malformedLineNamesFileLineAndExpectation() throws Exception {
        Path bad = fixture("bad-rating.data");
        IOException e = assertThrows(IOException.class, () -> new MovieLensLoader()
                .load(Map.of("path", bad.toString(), "format", "u.data")));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("numeric rating"), e.getMessage());
    }

    @Test
    void missingFileIsAnIOException() {
        assertThrows(IOException.class, () -> load(Path.of("/nonexistent/u.data")));
    }

    @Test
    void preprocessingParametersApply() throws Exception {
        Dataset liked = new MovieLensLoader().load(Map.of("path", fixture("u.data").toString(), "likeThreshold", 3));
        assertEquals(2, liked.interactions().size(), "the rating-1 interaction is not liked");
    }

    @Test
    void movieLens100kHasTheTable51Shape() throws Exception {
        Path data = Path.of(System.getProperty("marketlens.shared", "../shared"), "data", "ml-100k", "u.data");
        assumeTrue(Files.isRegularFile(data), "MovieLens-100K not found at " + data + "; skipping");
        DatasetStatistics s = DatasetStatistics.of(load(data.getParent()).interactions());
        assertEquals(943, s.users());
        assertEquals(1682, s.items());
        assertEquals(100_000, s.interactions());
        assertEquals("6.3%", DatasetStatistics.percent(s.density()));
    }
}
