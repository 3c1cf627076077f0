package org.marketlens.framework.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marketlens.framework.experiment.ExperimentReport;
import org.marketlens.framework.experiment.ExperimentRunner;
import org.marketlens.framework.experiment.ExperimentSpec;
import org.marketlens.framework.experiment.ExperimentSpecException;
import org.marketlens.framework.experiment.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code marketlens run <experiment.json>}: runs an experiment and prints its comparison table. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment spec (config/experiments/*.json); the report goes to reports/<spec name>/.")
final class RunCommand implements Callable<Integer> {
    private final PluginRegistry plugins;
    private final Path home;
    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "<experiment.json>", description = "the experiment spec")
    private Path file;
    @Option(names = {"-o", "--output"}, paramLabel = "<dir>", description = "report folder (default: reports/<spec file name>)")
    private Path output;

    RunCommand(PluginRegistry plugins, Path home) {
        this.plugins = plugins;
        this.home = home;
    }

    @Override
    public Integer call() throws IOException, ExperimentSpecException {
        Path specFile = home.resolve(file).normalize();
        String base = specFile.getFileName().toString().replaceFirst("\\.json$", "");
        Path reportDir = output != null ? home.resolve(output).normalize() : home.resolve("reports").resolve(base);
        run(plugins, specFile, reportDir, spec.commandLine().getOut());
        return 0;
    }

    /**
     * Runs one spec file and prints the table and the files written.
     *
     * @param plugins   where plugins are found by name
     * @param specFile  the spec
     * @param reportDir where the report goes
     * @param out       where the table goes (progress goes to {@code System.err})
     */
    static void run(PluginRegistry plugins, Path specFile, Path reportDir, PrintWriter out)
            throws IOException, ExperimentSpecException {
        if (!Files.isRegularFile(specFile)) {
            throw new CommandFailure("no such file: " + specFile);
        }
        ExperimentSpec experiment = ExperimentSpec.read(specFile);
        ExperimentReport report;
        try (ConsoleProgress progress = new ConsoleProgress(System.err)) {
            report = new ExperimentRunner(plugins, progress).run(experiment, reportDir);
        }
        out.println();
        out.println("# " + experiment.name());
        out.println();
        out.print(report.markdown());
        out.println();
        report.files().stream().filter(f -> !f.getParent().getFileName().toString().equals("models"))
                .forEach(f -> out.println("wrote " + f));
        out.println("wrote " + report.files().stream().filter(f -> f.getParent().getFileName().toString().equals("models")).count()
                + " model snapshot(s) to " + reportDir.resolve("models"));
        out.flush();
    }
}
