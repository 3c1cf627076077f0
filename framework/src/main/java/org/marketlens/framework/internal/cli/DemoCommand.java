package org.marketlens.framework.internal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marketlens.framework.experiment.ExperimentSpecException;
import org.marketlens.framework.experiment.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens demo}: runs {@code config/experiments/demo.json} (synthetic data made on the spot; Popularity,
 * ItemKNN, MF-BPR and AMF under leave-one-out with sampled negatives) into {@code reports/demo/}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the demo experiment (config/experiments/demo.json, synthetic data) into reports/demo/.")
final class DemoCommand implements Callable<Integer> {
    static final Path SPEC = Path.of("config", "experiments", "demo.json");
    private final PluginRegistry plugins;
    private final Path home;
    @Spec
    private CommandSpec spec;

    DemoCommand(PluginRegistry plugins, Path home) {
        this.plugins = plugins;
        this.home = home;
    }

    @Override
    public Integer call() throws IOException, ExperimentSpecException {
        RunCommand.run(plugins, home.resolve(SPEC), home.resolve("reports").resolve("demo"), spec.commandLine().getOut());
        return 0;
    }
}
