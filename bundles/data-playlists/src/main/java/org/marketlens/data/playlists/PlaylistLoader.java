package org.marketlens.data.playlists;

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
import org.marketlens.framework.data.DenseIdMap;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.data.LoaderParams;
import org.marketlens.framework.data.SourceFacts;
import org.marketlens.framework.data.SourceLines;
import org.osgi.service.component.annotations.Component;

/**
 * Playlist data of Chapter 4.3 (MODELS.md §3.12–§3.13, Table 4.3): interactions are (user, song) with the playlist as
 * group. Parameters: {@code path} (required); {@code format} = {@code triples} (default: {@code user, playlist,
 * song} rows; delimiter tab unless {@code delimiter} says otherwise; any key of {@link DelimitedFormat#from}
 * applies) or {@code aotm} (one playlist per line, {@code header} default true); plus the preprocessing keys of
 * {@link org.marketlens.framework.preprocess.Preprocessing} (the dissertation: {@code dedupe=group-item,
 * minGroupSize=5}).
 */
@Component(property = PluginProperties.NAME + "=" + PlaylistLoader.NAME)
public final class PlaylistLoader implements DatasetLoader {
    static final String NAME = "playlists";
    static final DelimitedFormat TRIPLES = new DelimitedFormat("\t", false, false, "0", "2", null, null, "1",
            "epoch");

    @Override
    public Dataset load(Map<String, Object> params) throws IOException {
        LoaderParams p = new LoaderParams(NAME, params);
        Path path = p.path("path");
        switch (p.string("format", "triples")) {
            case "triples":
                return DatasetAssembly.readDelimited(NAME, List.of(path), DelimitedFormat.from(p, TRIPLES), params);
            case "aotm":
                SourceFacts facts = new SourceFacts(NAME, params);
                facts.put("format", "aotm");
                InteractionsBuilder builder = Interactions.builder();
                try (SourceLines source = SourceLines.open(path, StandardCharsets.UTF_8)) {
                    int playlists = new AotmPlaylists().read(source, p.flag("header", true), builder,
                            new DenseIdMap());
                    facts.put("playlists", playlists);
                    facts.file(source);
                }
                return DatasetAssembly.finish(p.string("name", path.getFileName().toString()), builder, facts, params);
            default:
                throw new IllegalArgumentException("loader 'playlists': format must be triples or aotm");
        }
    }
}
