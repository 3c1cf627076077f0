package org.marketlens.framework.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marketlens.api.data.Dataset;
import org.marketlens.framework.preprocess.Preprocessing;

/**
 * The common end of every loader: build the interactions, record the source facts, then apply the preprocessing
 * the parameters ask for ({@link Preprocessing}). Nothing is returned until everything has been read, so a failed
 * load never yields a partial dataset.
 */
public final class DatasetAssembly {
    private DatasetAssembly() {
    }

    /**
     * @param name    dataset name
     * @param builder the filled builder
     * @param facts   the source facts collected while reading
     * @param params  the loader parameters (preprocessing keys included)
     * @return the dataset, preprocessed
     */
    public static Dataset finish(String name, InteractionsBuilder builder, SourceFacts facts,
                                 Map<String, Object> params) {
        Interactions data = builder.build();
        Dataset raw = new Dataset(name, data, Optional.empty(), facts.finish(data));
        return Preprocessing.apply(raw, params);
    }

    /**
     * Loads one or more delimited files with one format into one dataset.
     *
     * @param loader the loader's {@code marketlens.name}
     * @param paths  the files, read in order
     * @param format the column mapping
     * @param params the loader parameters
     * @return the dataset, named after the {@code name} parameter or the first file
     * @throws IOException when a file is missing or malformed
     */
    public static Dataset readDelimited(String loader, List<Path> paths, DelimitedFormat format,
                                        Map<String, Object> params) throws IOException {
        SourceFacts facts = new SourceFacts(loader, params);
        facts.put("format", format.describe());
        InteractionsBuilder builder = Interactions.builder();
        DenseIdMap groups = new DenseIdMap();
        DelimitedReader reader = new DelimitedReader(format);
        for (Path path : paths) {
            try (SourceLines source = SourceLines.open(path, StandardCharsets.UTF_8)) {
                reader.read(source, builder, groups);
                facts.file(source);
            }
        }
        String name = new LoaderParams(loader, params).string("name", paths.get(0).getFileName().toString());
        return finish(name, builder, facts, params);
    }
}
