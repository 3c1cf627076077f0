package org.marketlens.delivery.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marketlens.api.delivery.BackerCount;
import org.marketlens.api.delivery.Creator;
import org.marketlens.api.delivery.DeliveryLabel;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.ProjectSource;
import org.marketlens.api.delivery.Reward;
import org.marketlens.api.delivery.Update;
import org.marketlens.api.rec.PluginProperties;
import org.osgi.service.component.annotations.Component;

/**
 * The kickscrape dump ({@code kickstarter-kickscrape-rewards/project-data.csv}, 433 projects of Aug–Dec 2015; see
 * {@code SOURCES.md}); option {@code path} names the CSV or its folder. What maps onto a {@link Project}: goal and
 * pledged (in the project's own currency, not converted), launch and end, images on the page, the creator's created
 * and backed counts, one reward per tier with its final backers (no text: only text lengths are scraped; no
 * estimated delivery date), creator updates with their times (no text), and the final backer count.
 *
 * <p><b>Labels.</b> The dump has no delivery outcome. The on-time/late label is replaced by the funding outcome:
 * {@code late = true} for {@code project_status = failure}, {@code false} for {@code success}; no duration is
 * known. Comments exist only as a total count without times, so they are left out; there is no category.
 */
@Component(property = PluginProperties.NAME + "=" + KickscrapeProjectSource.NAME)
public final class KickscrapeProjectSource implements ProjectSource {
    static final String NAME = "kickscrape";
    static final String FILE = "project-data.csv";

    @Override
    public List<Project> load(Map<String, String> options) throws IOException {
        String path = options.get(PATH);
        if (path == null) {
            throw new IOException("the kickscrape source needs option '" + PATH + "' (its folder or " + FILE + ")");
        }
        Path file = Path.of(path);
        if (Files.isDirectory(file)) {
            file = file.resolve(FILE);
        }
        CsvTable table = CsvTable.read(file, StandardCharsets.UTF_8);
        if (!table.malformedLines().isEmpty()) {
            throw new IOException(file + ":" + table.malformedLines().get(0) + ": wrong number of fields");
        }
        List<Project> out = new ArrayList<>();
        for (CsvTable.Row r : table.rows()) {
            try {
                out.add(project(r));
            } catch (RuntimeException e) {
                throw new IOException(file + ":" + r.line() + ": " + e.getMessage(), e);
            }
        }
        return Subsample.of(out, options);
    }

    private static Project project(CsvTable.Row r) {
        String url = r.get("project_url");
        String[] parts = url.replaceAll("/+$", "").split("/");
        String id = parts.length >= 2 ? parts[parts.length - 2] + "/" + parts[parts.length - 1] : url;
        Instant launch = instant(r.get("project_start"));
        Instant end = instant(r.get("project_end"));
        List<Reward> rewards = new ArrayList<>();
        for (String b : list(r.get("tier_backers"))) {
            rewards.add(new Reward("", null, (int) Double.parseDouble(b)));
        }
        List<Update> updates = new ArrayList<>();
        for (String t : list(r.get("update_times"))) {
            updates.add(new Update(instant(t), ""));
        }
        String status = r.get("project_status");
        Boolean late = switch (status) {
            case "failure" -> Boolean.TRUE;
            case "success" -> Boolean.FALSE;
            default -> null;
        };
        int backers = (int) Double.parseDouble(r.get("backer_count"));
        return new Project(id, "", Double.parseDouble(r.get("funding_goal")),
                Double.parseDouble(r.get("funding_raised")), launch, end, "", "",
                (int) Double.parseDouble(r.get("description_images")), 0,
                new Creator("", (int) Double.parseDouble(r.get("creator_num_created")),
                        (int) Double.parseDouble(r.get("creator_num_backed"))),
                rewards, updates, List.of(), List.of(new BackerCount(end, backers)),
                late == null ? DeliveryLabel.UNKNOWN : new DeliveryLabel(late, null));
    }

    /** Comma-separated values; the scraper writes {@code False} for an empty list. */
    private static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        if (v.isBlank() || v.equals("False")) {
            return out;
        }
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static Instant instant(String v) {
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 time with offset: " + v, e);
        }
    }
}
