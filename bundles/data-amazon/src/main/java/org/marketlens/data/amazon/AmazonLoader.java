package org.marketlens.data.amazon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.DatasetLoader;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.data.DatasetAssembly;
import org.marketlens.framework.data.DelimitedFormat;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.data.LoaderParams;
import org.marketlens.framework.data.SourceFacts;
import org.marketlens.framework.data.SourceLines;
import org.osgi.service.component.annotations.Component;

/**
 * Amazon review datasets of Chapter 5.3 (MODELS.md §5.9, Table 5.5). Parameters: {@code path} (required),
 * {@code format} = {@code auto} (default: {@code .json}/{@code .json.gz} → JSON lines, anything else → CSV),
 * {@code json} or {@code csv} (the ratings-only files {@code user,item,rating,timestamp}, no header), {@code name},
 * and the preprocessing keys of {@link org.marketlens.framework.preprocess.Preprocessing} (Chapter 5.3 uses
 * {@code kcore=5, binarize=true}).
 */
@Component(property = PluginProperties.NAME + "=" + AmazonLoader.NAME)
public final class AmazonLoader implements DatasetLoader {
    static final String NAME = "amazon";
    static final DelimitedFormat RATINGS_CSV = new DelimitedFormat(",", false, false, "0", "1", "2", "3", null,
            "epoch");

    @Override
    public Dataset load(Map<String, Object> params) throws IOException {
        LoaderParams p = new LoaderParams(NAME, params);
        Path path = p.path("path");
        String format = p.string("format", "auto");
        if (format.equals("auto")) {
            format = path.getFileName().toString().replaceFirst("\\.gz$", "").endsWith(".json") ? "json" : "csv";
        }
        switch (format) {
            case "csv":
                return DatasetAssembly.readDelimited(NAME, List.of(path), RATINGS_CSV, params);
            case "json":
                SourceFacts facts = new SourceFacts(NAME, params);
                facts.put("format", "json-lines");
                InteractionsBuilder builder = Interactions.builder();
                try (SourceLines source = SourceLines.open(path, StandardCharsets.UTF_8)) {
                    new AmazonJsonLines().read(source, builder);
                    facts.file(source);
                }
                return DatasetAssembly.finish(p.string("name", path.getFileName().toString()), builder, facts, params);
            default:
                throw new IllegalArgumentException("loader 'amazon': format must be auto, json or csv, got '"
                        + format + "'");
        }
    }
}
