package org.marketlens.delivery.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.delivery.Project;

class KickstarterSourcesTest {
    private static Path shared(String folder) {
        Path p = Path.of(System.getProperty("marketlens.shared", "../shared"), "data", folder);
        assumeTrue(Files.isDirectory(p), "shared dataset " + p + " is absent: skipping the real-data check");
        return p;
    }

    @Test
    void csvHandlesQuotedCommasLineBreaksDoubledQuotesAndCrlf() throws IOException {
        CsvTable t = CsvTable.read(new StringReader("a,b,c\r\n1,\"x, \"\"y\"\"\",3\r\n4,\"two\nlines\",6\n7,8\n\n9,,\n"),
                "t.csv");
        assertEquals(3, t.rows().size());
        assertEquals("x, \"y\"", t.rows().get(0).get("b"));
        assertEquals("two\nlines", t.rows().get(1).get("b"));
        assertEquals("", t.rows().get(2).get("c"));
        assertEquals(List.of(5), t.malformedLines(), "the row '7,8' starts on line 5");
        assertEquals(7, t.rows().get(2).line(), "after the blank line 6");
        assertThrows(IOException.class, () -> CsvTable.read(new StringReader("a\n\"open\n"), "bad.csv"));
    }

    @Test
    void kickscrapeLoadsEveryProjectWithFundingFailureAsTheSubstituteLabel() throws IOException {
        Path dir = shared("kickstarter-kickscrape-rewards");
        List<Project> all = new KickscrapeProjectSource().load(Map.of("path", dir.toString()));
        assertEquals(433, all.size());
        assertEquals(343, all.stream().filter(p -> p.label().late()).count(), "343 failures per SOURCES.md");
        Project p = all.stream().filter(x -> x.id().equals("eotu/empires-of-the-undergrowth")).findFirst().orElseThrow();
        assertEquals(14, p.rewards().size());
        assertEquals(75, p.rewards().get(2).backers());
        assertEquals(11, p.updates().size());
        assertEquals(Instant.parse("2015-11-18T18:35:08Z"), p.updates().get(0).time());
        assertEquals(329, p.backersAt(p.fundraisingEndTime()));
        assertEquals(50, new KickscrapeProjectSource().load(Map.of("path", dir.toString(), "size", "50")).size());
    }

    @Test
    void kickstarter15kSkipsTheFourMalformedRowsAndLabelsFailedAndSuccessful() throws IOException {
        Path dir = shared("kickstarter-projects-15k");
        List<Project> all = new Kickstarter15kProjectSource().load(Map.of("path", dir.toString()));
        assertEquals(14_995, all.size());
        assertEquals(7_849, all.stream().filter(p -> p.label().hasLateness() && p.label().late()).count());
        assertEquals(5_316, all.stream().filter(p -> p.label().hasLateness() && !p.label().late()).count());
        Project first = all.get(0);
        assertEquals("1", first.id());
        assertEquals(Instant.parse("2013-04-25T00:00:00Z"), first.launchTime());
        assertTrue(!first.category().isEmpty());
    }

    @Test
    void missingPathIsNamed() {
        IOException e = assertThrows(IOException.class, () -> new KickscrapeProjectSource().load(Map.of()));
        assertTrue(e.getMessage().contains("'path'"), e.getMessage());
    }
}
