package org.marketlens.framework.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.InteractionData;

/**
 * Collects what a loader records for the provenance of a dataset (STYLE.md "Provenance"): the loader, its
 * parameters, every source file with its SHA-256 and line count, the counts of the loaded data and the load time.
 */
public final class SourceFacts {
    private final long startNanos = System.nanoTime();
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final List<Map<String, Object>> files = new ArrayList<>();

    /**
     * @param loader the loader's {@code marketlens.name}
     * @param params its parameters
     */
    public SourceFacts(String loader, Map<String, Object> params) {
        facts.put("loader", loader);
        facts.put("params", Map.copyOf(params));
    }

    /**
     * Records a fully read source file.
     *
     * @param source the reader, read to its end
     */
    public void file(SourceLines source) throws java.io.IOException {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("path", source.path().toString());
        f.put("sha256", source.sha256());
        f.put("lines", source.lineNumber());
        files.add(Map.copyOf(f));
    }

    /** Records a loader-specific count or note. */
    public void put(String key, Object value) {
        facts.put(key, value);
    }

    /**
     * @param data the loaded data
     * @return the facts, with file list, counts and {@code loadMillis}
     */
    public Map<String, Object> finish(InteractionData data) {
        facts.put("files", List.copyOf(files));
        facts.put("users", data.numUsers());
        facts.put("items", data.numItems());
        facts.put("interactions", data.size());
        facts.put("loadMillis", (System.nanoTime() - startNanos) / 1_000_000);
        return new LinkedHashMap<>(facts);
    }
}
