package org.marketlens.framework.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marketlens.framework.experiment.ExperimentReport;
import org.marketlens.framework.experiment.ExperimentRunner;
import org.marketlens.framework.experiment.ExperimentSpec;
import org.marketlens.framework.experiment.ExperimentSpecException;
import org.marketlens.framework.experiment.PeakMemory;
import org.marketlens.framework.experiment.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens bench [<experiment.json>]}: runs an experiment (by default MF-BPR on the ml-100k leave-one-out
 * split) and prints, per model, training throughput (triples per second), seconds per epoch of the training loop
 * (validation excluded), the test metrics, and the process's peak memory. A benchmark, not a test.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training throughput, seconds per epoch and peak memory "
                + "(default spec: config/experiments/bench-mfbpr-ml100k.json).")
final class BenchCommand implements Callable<Integer> {
    static final Path SPEC = Path.of("config", "experiments", "bench-mfbpr-ml100k.json");
    private final PluginRegistry plugins;
    private final Path home;
    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", arity = "0..1", paramLabel = "<experiment.json>", description = "the experiment spec")
    private Path file;

    BenchCommand(PluginRegistry plugins, Path home) {
        this.plugins = plugins;
        this.home = home;
    }

    @Override
    public Integer call() throws IOException, ExperimentSpecException {
        Path specFile = home.resolve(file == null ? SPEC : file).normalize();
        if (!Files.isRegularFile(specFile)) {
            throw new CommandFailure("no such file: " + specFile);
        }
        ExperimentSpec experiment = ExperimentSpec.read(specFile);
        ExperimentReport report;
        try (ConsoleProgress progress = new ConsoleProgress(System.err)) {
            report = new ExperimentRunner(plugins, progress).run(experiment, home.resolve("reports").resolve("bench"));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println();
        out.println("| model | epochs | s/epoch (mean) | triples/s | last epoch: gradients s / Adam s / other s | test "
                + String.join(" | test ", report.table().metrics()) + " |");
        out.println("|---|---:|---:|---:|---:|" + "---:|".repeat(report.table().metrics().size()));
        @SuppressWarnings("unchecked")
        Map<String, Object> models = (Map<String, Object>) report.provenance().get("models");
        report.results().forEach((label, result) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> chosen = (Map<String, Object>) ((Map<String, Object>) models.get(label)).get("chosen");
            @SuppressWarnings("unchecked")
            Map<String, Object> training = (Map<String, Object>) chosen.get("training");
            @SuppressWarnings("unchecked")
            List<Number> epochs = (List<Number>) training.get("train.epochSeconds");
            StringBuilder row = new StringBuilder("| ").append(label).append(" | ");
            if (epochs == null) {
                row.append(String.format(Locale.ROOT, "- | %.2f (whole fit) | - | - |",
                        ((Number) chosen.get("trainSeconds")).doubleValue()));
            } else {
                double mean = epochs.stream().mapToDouble(Number::doubleValue).average().orElse(Double.NaN);
                double triples = ((Number) training.get("train.triplesPerSecond")).doubleValue();
                double gradients = ((Number) training.get("train.lastEpochGradientSeconds")).doubleValue();
                double updates = ((Number) training.get("train.lastEpochUpdateSeconds")).doubleValue();
                double last = epochs.get(epochs.size() - 1).doubleValue();
                row.append(String.format(Locale.ROOT, "%d | %.2f | %.0f | %.2f / %.2f / %.2f |", epochs.size(), mean,
                        triples, gradients, updates, last - gradients - updates));
            }
            for (String metric : report.table().metrics()) {
                row.append(String.format(Locale.ROOT, " %.4f |", result.mean(metric)));
            }
            out.println(row);
        });
        out.printf(Locale.ROOT, "%npeak resident memory %.0f MiB, peak heap %.0f MiB, %d cores%n",
                PeakMemory.residentBytes() / 1048576.0, PeakMemory.heapBytes() / 1048576.0,
                Runtime.getRuntime().availableProcessors());
        out.flush();
        return 0;
    }
}
