package org.marketlens.framework.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.marketlens.api.delivery.DeliveryWorkflow;
import org.marketlens.framework.experiment.ExperimentSpecException;
import org.marketlens.framework.experiment.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens demo}: runs {@code config/experiments/demo.json} (synthetic data made on the spot; Popularity,
 * ItemKNN, MF-BPR and AMF under leave-one-out with sampled negatives) into {@code reports/demo/}, then, when the
 * {@code chapter3} delivery workflow is registered, a small delivery section: {@value #DELIVERY_PROJECTS} synthetic
 * projects, 5 folds, TP1 and TP4, VIF selection only (Boruta at its defaults would dominate the demo's time), into
 * {@code reports/demo/delivery.md}.
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

    static final int DELIVERY_PROJECTS = 200;

    @Override
    public Integer call() throws IOException, ExperimentSpecException {
        Path reports = home.resolve("reports").resolve("demo");
        RunCommand.run(plugins, home.resolve(SPEC), reports, spec.commandLine().getOut());
        Optional<DeliveryWorkflow> delivery = plugins.find(DeliveryWorkflow.class, DeliveryCommand.WORKFLOW);
        if (delivery.isPresent()) {
            PrintWriter out = spec.commandLine().getOut();
            String md = delivery.get().evaluate(new DeliveryWorkflow.Source("synthetic",
                    Map.of("size", Integer.toString(DELIVERY_PROJECTS), "seed", "1")),
                    Map.of(DeliveryWorkflow.FOLDS, "5", DeliveryWorkflow.TIME_POINTS, "TP1,TP4",
                            DeliveryWorkflow.SELECTION, "vif"));
            out.println();
            out.print(md);
            Path file = reports.resolve("delivery.md");
            DeliveryCommand.write(file, md);
            out.println("wrote " + file);
            out.flush();
        }
        return 0;
    }
}
