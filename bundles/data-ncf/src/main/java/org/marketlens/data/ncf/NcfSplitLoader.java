package org.marketlens.data.ncf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.DatasetLoader;
import org.marketlens.api.data.Split;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.train.HyperParameterValues;
import org.osgi.service.component.annotations.Component;

/**
 * Loads a published NCF-style leave-one-out split (MODELS.md §4.8; e.g. {@code shared/data/ml-100k-loo}) exactly as
 * published: {@code <dir>/<prefix>.train.rating}, {@code .test.rating}, {@code .test.negative} and, when present,
 * {@code .vad.rating}/{@code .vad.negative} (or {@code .valid.*}). The dataset's {@code presplit} holds the training
 * data and one case per held-out line, ranked against that line's negatives in file order; each case's context is
 * the user's training items in file order. Everything is parsed and checked before anything is built, so a bad
 * file throws and never yields a partial dataset. The assembly is in {@link NcfSplitAssembly}.
 */
@Component(property = PluginProperties.NAME + "=" + NcfSplitLoader.NAME)
public final class NcfSplitLoader implements DatasetLoader {
    static final String NAME = "ncf-split";

    static final List<HyperParameter> PARAMETERS = List.of(
            new HyperParameter("dir", "", "folder holding the split files"),
            new HyperParameter("prefix", "", "file name prefix, e.g. ml100k; empty = the only *.train.rating in dir"));

    @Override
    public Dataset load(Map<String, Object> params) throws IOException {
        HyperParameterValues v = HyperParameterValues.resolve(NAME, PARAMETERS, params);
        String dirName = v.stringValue("dir");
        if (dirName.isBlank()) {
            throw new IllegalArgumentException(NAME + ": parameter 'dir' is required");
        }
        Path dir = Path.of(dirName);
        String prefix = v.stringValue("prefix").isBlank() ? onlyPrefix(dir) : v.stringValue("prefix");
        Path train = dir.resolve(prefix + ".train.rating");
        Path test = dir.resolve(prefix + ".test.rating");
        Path testNegative = dir.resolve(prefix + ".test.negative");
        String validation = Files.exists(dir.resolve(prefix + ".vad.rating")) ? ".vad"
                : Files.exists(dir.resolve(prefix + ".valid.rating")) ? ".valid" : null;
        NcfSplitAssembly assembly = new NcfSplitAssembly(train, test, testNegative,
                validation == null ? null : dir.resolve(prefix + validation + ".rating"),
                validation == null ? null : dir.resolve(prefix + validation + ".negative"));
        Split split = assembly.split(NAME);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("loader", NAME);
        facts.put("dir", dir.toAbsolutePath().normalize().toString());
        facts.put("prefix", prefix);
        for (Path file : assembly.files()) {
            facts.put("sha256:" + file.getFileName(), NcfFiles.sha256(file));
        }
        facts.putAll(split.facts());
        return new Dataset(prefix, assembly.all(), Optional.of(split), facts);
    }

    private static String onlyPrefix(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder (expected NCF split files <prefix>.train.rating ...)");
        }
        List<String> prefixes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".train.rating"))
                    .map(n -> n.substring(0, n.length() - ".train.rating".length())).sorted().forEach(prefixes::add);
        }
        if (prefixes.size() != 1) {
            throw new IOException(dir + ": expected exactly one *.train.rating file to infer 'prefix', found "
                    + prefixes);
        }
        return prefixes.get(0);
    }
}
