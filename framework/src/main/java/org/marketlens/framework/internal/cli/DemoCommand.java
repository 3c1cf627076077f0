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
 * {@code chapter3} delivery workflow is registered, a delivery section: {@value #DELIVERY_PROJECTS} synthetic
 * projects, {@value #DELIVERY_FOLDS} folds (so the Wilcoxon tests over folds can reach p &lt; 0.05: the smallest
 * one-sided exact p over 10 folds is 1/1024), TP1–TP4, VIF selection only (Boruta at its defaults would dominate the
 * demo's time), into {@code reports/demo/delivery.md}, with its wall time.
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

    static final int DELIVERY_PROJECTS = 600;
    static final int DELIVERY_FOLDS = 10;

    @Override
    public Integer call() throws IOException, ExperimentSpecException {
        Path reports = home.resolve("reports").resolve("demo");
        RunCommand.run(plugins, home.resolve(SPEC), reports, spec.commandLine().getOut());
        Optional<DeliveryWorkflow> delivery = plugins.find(DeliveryWorkflow.class, DeliveryCommand.WORKFLOW);
        if (delivery.isPresent()) {
            PrintWriter out = spec.commandLine().getOut();
            long t0 = System.nanoTime();
            String md = delivery.get().evaluate(new DeliveryWorkflow.Source("synthetic",
                    Map.of("size", Integer.toString(DELIVERY_PROJECTS), "seed", "1")),
                    Map.of(DeliveryWorkflow.FOLDS, Integer.toString(DELIVERY_FOLDS), DeliveryWorkflow.SELECTION, "vif"));
            md += String.format(java.util.Locale.ROOT, "%nDelivery section wall time: %.1f s (%d processors)%n",
                    (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors());
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
