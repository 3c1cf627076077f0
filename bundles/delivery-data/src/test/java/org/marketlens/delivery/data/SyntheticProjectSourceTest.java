package org.marketlens.delivery.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlens.api.delivery.AuthorRole;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.ProjectSource;
import org.marketlens.api.delivery.Reward;

class SyntheticProjectSourceTest {
    @Test
    void lateIffActualDurationExceedsPromisedDuration() {
        List<Project> ps = SyntheticProjectSource.generate(400, 3);
        int late = 0;
        int withDuration = 0;
        for (Project p : ps) {
            late += p.label().late() ? 1 : 0;
            if (p.label().hasDuration()) {
                withDuration++;
                Instant ledd = p.rewards().stream().map(Reward::estimatedDelivery).max(Instant::compareTo).orElseThrow();
                double lrdd = (ledd.getEpochSecond() - p.fundraisingEndTime().getEpochSecond()) / 86400.0;
                if (Math.abs(p.label().actualDurationDays() - lrdd) > 0.2) { // durations are rounded to 0.1 day
                    assertEquals(p.label().late(), p.label().actualDurationDays() > lrdd, p.id());
                }
            }
        }
        double share = late / 400.0;
        assertTrue(share > 0.4 && share < 0.7, "late share " + share);
        assertTrue(withDuration > 250 && withDuration < 350);
    }

    @Test
    void creatorActivityDuringFundraisingSeparatesOnTimeFromLateProjects() {
        // the documented rule: creator posts during fundraising grow with diligence z, which lowers the delay score
        double[] sum = new double[2];
        int[] count = new int[2];
        for (Project p : SyntheticProjectSource.generate(600, 4)) {
            Instant mid = p.launchTime().plus(Duration.between(p.launchTime(), p.fundraisingEndTime()).dividedBy(2));
            long posts = p.comments().stream()
                    .filter(c -> c.role() == AuthorRole.CREATOR && !c.time().isAfter(mid)).count()
                    + p.updates().stream().filter(u -> !u.time().isAfter(mid)).count();
            int late = p.label().late() ? 1 : 0;
            sum[late] += posts;
            count[late]++;
        }
        double onTime = sum[0] / count[0];
        double late = sum[1] / count[1];
        assertTrue(onTime > 1.3 * late, "creator posts in the first half: on time " + onTime + ", late " + late);
    }

    @Test
    void sameSeedSameProjects() {
        assertEquals(SyntheticProjectSource.generate(5, 9), SyntheticProjectSource.generate(5, 9));
    }

    @Test
    void jsonRoundTripKeepsEveryField(@TempDir Path dir) throws Exception {
        List<Project> ps = SyntheticProjectSource.generate(20, 4);
        Path file = dir.resolve("projects.json");
        JsonProjectSource.save(ps, file);
        List<Project> back = new JsonProjectSource().load(Map.of(ProjectSource.PATH, file.toString()));
        assertEquals(ps, back);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProjectJson.write(ps.subList(0, 1), out);
        assertTrue(out.toString().contains("\"estimatedDelivery\""));
        assertTrue(Files.list(dir).allMatch(f -> f.getFileName().toString().equals("projects.json")));
    }

    @Test
    void minimalJsonReadsWithDefaults() throws Exception {
        String json = "[{\"id\":\"x\",\"category\":\"art\",\"goal\":100,\"launchTime\":\"2014-01-01T00:00:00Z\","
                + "\"fundraisingEndTime\":\"2014-01-31T00:00:00Z\",\"extra\":1}]";
        Project p = ProjectJson.read(new ByteArrayInputStream(json.getBytes())).get(0);
        assertEquals("", p.description());
        assertTrue(p.rewards().isEmpty());
        assertTrue(!p.label().hasLateness());
    }
}
