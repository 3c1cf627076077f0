package org.marketlens.framework.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.marketlens.framework.experiment.ExperimentReport;
import org.marketlens.framework.experiment.ExperimentRunner;
import org.marketlens.framework.experiment.ExperimentSpec;
import org.marketlens.framework.experiment.PluginRegistry;
import org.marketlens.framework.experiment.Progress;

/**
 * Runs an experiment spec through {@link ExperimentRunner} without the OSGi launcher, for benchmark mains in test
 * sources: the plugins are the instances added with {@link #with}, found by interface and {@code marketlens.name};
 * progress messages go to standard output with the time of day.
 */
public final class ClassPathExperiment implements PluginRegistry {
    private final Map<String, Object> plugins = new LinkedHashMap<>();

    /** Adds {@code plugin} as the {@code type} named {@code name}; returns this. */
    public <T> ClassPathExperiment with(Class<T> type, String name, T plugin) {
        plugins.put(type.getName() + "/" + name, plugin);
        return this;
    }

    @Override
    public <T> Optional<T> find(Class<T> type, String name) {
        return Optional.ofNullable(type.cast(plugins.get(type.getName() + "/" + name)));
    }

    @Override
    public SortedMap<String, String> names(Class<?> type) {
        SortedMap<String, String> names = new TreeMap<>();
        String prefix = type.getName() + "/";
        plugins.forEach((key, plugin) -> {
            if (key.startsWith(prefix)) {
                names.put(key.substring(prefix.length()), plugin.getClass().getName() + " (class path)");
            }
        });
        return names;
    }

    /**
     * Runs {@code spec} into {@code out}, then prints the report's markdown, the wall time and the files written.
     *
     * @return the report
     */
    public ExperimentReport run(ExperimentSpec spec, Path out) throws IOException {
        Progress progress = new Progress() {
            @Override
            public void update(String task, long done, long total) {
            }

            @Override
            public void message(String line) {
                System.out.println(java.time.LocalTime.now().withNano(0) + " " + line);
            }
        };
        long start = System.nanoTime();
        ExperimentReport report = new ExperimentRunner(this, progress).run(spec, out);
        System.out.println(report.markdown());
        System.out.printf("wall time %.0f s; files %s%n", (System.nanoTime() - start) / 1e9, report.files());
        return report;
    }
}
