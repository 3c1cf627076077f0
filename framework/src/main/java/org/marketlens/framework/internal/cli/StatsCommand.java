package org.marketlens.framework.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.DatasetLoader;
import org.marketlens.framework.experiment.PeakMemory;
import org.marketlens.framework.experiment.PluginRegistry;
import org.marketlens.framework.stats.DatasetStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens stats <loader> [-p key=value]...}: loads a dataset through a loader plugin and prints users, items,
 * interactions, density and group sizes (the shape of Tables 4.3, 5.1, 5.2 and 5.5), with load time and peak memory.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Dataset statistics, e.g. 'stats movielens -p path=../shared/data/ml-100k/u.data'.")
final class StatsCommand implements Callable<Integer> {
    private final PluginRegistry plugins;
    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "<loader>", description = "a data loader name (see 'list')")
    private String loader;
    @Option(names = {"-p", "--param"}, paramLabel = "key=value", description = "a loader parameter (repeatable)")
    private Map<String, String> params = new LinkedHashMap<>();

    StatsCommand(PluginRegistry plugins) {
        this.plugins = plugins;
    }

    @Override
    public Integer call() throws IOException {
        DatasetLoader source = plugins.require(DatasetLoader.class, loader);
        Map<String, Object> typed = new LinkedHashMap<>();
        params.forEach((k, v) -> typed.put(k, typed(v)));
        long start = System.nanoTime();
        Dataset data = source.load(typed);
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.println(DatasetStatistics.markdownHeader());
        out.println(DatasetStatistics.of(data.interactions()).markdownRow(data.name()));
        out.printf(java.util.Locale.ROOT, "%nloaded in %.1f s; peak resident memory %.0f MiB%n", seconds,
                PeakMemory.residentBytes() / 1048576.0);
        out.flush();
        return 0;
    }

    /** Loader parameters arrive as text; numbers and booleans are passed typed, as a JSON spec would. */
    private static Object typed(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        try {
            return value.contains(".") ? (Object) Double.parseDouble(value) : (Object) Long.parseLong(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
