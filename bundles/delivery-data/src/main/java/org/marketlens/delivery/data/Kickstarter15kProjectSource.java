package org.marketlens.delivery.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marketlens.api.delivery.BackerCount;
import org.marketlens.api.delivery.DeliveryLabel;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.ProjectSource;
import org.marketlens.api.rec.PluginProperties;
import org.osgi.service.component.annotations.Component;

/**
 * The relational 15k sample of Kaggle's Kickstarter projects ({@code kickstarter-projects-15k/}: campaign.csv,
 * sub_category.csv, category.csv, Latin-1; see {@code SOURCES.md}); option {@code path} names the folder. Each
 * campaign becomes a project with its top-level category (lower case), goal, pledged, launch, deadline and final
 * backer count; there are no rewards, texts, updates or comments. Times are read as UTC.
 *
 * <p><b>Labels.</b> There is no delivery outcome. The on-time/late label is replaced by the funding outcome:
 * {@code late = true} for {@code failed}, {@code false} for {@code successful}; canceled, live, suspended and
 * undefined campaigns are unlabeled. Rows with the wrong number of fields (4 in the shipped file: an unquoted comma
 * in the name) are skipped.
 */
@Component(property = PluginProperties.NAME + "=" + Kickstarter15kProjectSource.NAME)
public final class Kickstarter15kProjectSource implements ProjectSource {
    static final String NAME = "kickstarter-15k";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    @Override
    public List<Project> load(Map<String, String> options) throws IOException {
        String path = options.get(PATH);
        if (path == null) {
            throw new IOException("the kickstarter-15k source needs option '" + PATH + "' (the folder)");
        }
        Path dir = Path.of(path);
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder with campaign.csv, sub_category.csv and category.csv");
        }
        Map<String, String> category = new HashMap<>();
        for (CsvTable.Row r : CsvTable.read(dir.resolve("category.csv"), StandardCharsets.ISO_8859_1).rows()) {
            category.put(r.get("id"), r.get("name").toLowerCase(Locale.ROOT));
        }
        Map<String, String> sub = new HashMap<>();
        for (CsvTable.Row r : CsvTable.read(dir.resolve("sub_category.csv"), StandardCharsets.ISO_8859_1).rows()) {
            sub.put(r.get("id"), category.getOrDefault(r.get("category_id"), ""));
        }
        Path campaigns = dir.resolve("campaign.csv");
        List<Project> out = new ArrayList<>();
        for (CsvTable.Row r : CsvTable.read(campaigns, StandardCharsets.ISO_8859_1).rows()) {
            try {
                out.add(project(r, sub));
            } catch (RuntimeException e) {
                throw new IOException(campaigns + ":" + r.line() + ": " + e.getMessage(), e);
            }
        }
        return Subsample.of(out, options);
    }

    private static Project project(CsvTable.Row r, Map<String, String> sub) {
        Instant launch = LocalDateTime.parse(r.get("launched"), TIME).toInstant(ZoneOffset.UTC);
        Instant end = LocalDateTime.parse(r.get("deadline"), TIME).toInstant(ZoneOffset.UTC);
        DeliveryLabel label = switch (r.get("outcome")) {
            case "failed" -> new DeliveryLabel(true, null);
            case "successful" -> new DeliveryLabel(false, null);
            default -> DeliveryLabel.UNKNOWN;
        };
        return new Project(r.get("id"), sub.getOrDefault(r.get("sub_category_id"), ""),
                Double.parseDouble(r.get("goal")), Double.parseDouble(r.get("pledged")), launch, end, "", "", 0, 0,
                null, List.of(), List.of(), List.of(),
                List.of(new BackerCount(end, (int) Double.parseDouble(r.get("backers")))), label);
    }
}
