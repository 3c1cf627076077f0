package org.marketlens.framework.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marketlens.api.delivery.DeliveryWorkflow;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.framework.experiment.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens delivery train|evaluate|predict}: the crowdfunding delivery workflow (MODELS.md §1) through the
 * {@link DeliveryWorkflow} service found by name ({@code chapter3} unless {@code --workflow} says otherwise) at
 * each call, so predictor bundles replaced at run time serve the next command.
 */
@Command(name = "delivery", mixinStandardHelpOptions = true,
        description = "Crowdfunding reward-delivery prediction (Chapter 3): train, evaluate, predict.",
        subcommands = {DeliveryCommand.Train.class, DeliveryCommand.Evaluate.class, DeliveryCommand.Predict.class})
final class DeliveryCommand implements Callable<Integer> {
    static final String WORKFLOW = "chapter3";
    private final PluginRegistry plugins;
    private final Path home;
    @Spec
    private CommandSpec spec;

    DeliveryCommand(PluginRegistry plugins, Path home) {
        this.plugins = plugins;
        this.home = home;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    DeliveryWorkflow workflow(String name) {
        return plugins.require(DeliveryWorkflow.class, name);
    }

    /** Options shared by the subcommands: the project source, workflow settings and the workflow's name. */
    static final class SourceOptions {
        @Option(names = {"-s", "--source"}, defaultValue = "synthetic", paramLabel = "<name>",
                description = "project source: synthetic, json, kickscrape, kickstarter-15k, ... (default ${DEFAULT-VALUE})")
        String source;
        @Option(names = {"-o", "--option"}, paramLabel = "<key=value>",
                description = "source option, e.g. size=600, seed=1, path=projects.json (repeatable)")
        Map<String, String> options = new LinkedHashMap<>();
        @Option(names = {"--set"}, paramLabel = "<key=value>",
                description = "workflow setting: folds, seed, timePoints, selection, extractors, classifier, regression, "
                        + "regressionSelection (default stepAIC), backerCounts (same as --backer-counts), repeats "
                        + "(same as --repeats)")
        Map<String, String> settings = new LinkedHashMap<>();
        @Option(names = "--workflow", defaultValue = WORKFLOW, paramLabel = "<name>",
                description = "the DeliveryWorkflow service (default ${DEFAULT-VALUE})")
        String workflow;

        DeliveryWorkflow.Source source(Path home) {
            Map<String, String> resolved = new LinkedHashMap<>(options);
            resolved.computeIfPresent("path", (k, v) -> home.resolve(v).normalize().toString());
            return new DeliveryWorkflow.Source(source, resolved);
        }
    }

    /** The A-9 setting as an option; {@code evaluate} and {@code train} give it different defaults. */
    static Map<String, String> withBackerCounts(Map<String, String> settings, String backerCounts) {
        Map<String, String> out = new LinkedHashMap<>(settings);
        out.putIfAbsent(DeliveryWorkflow.BACKER_COUNTS, backerCounts);
        return out;
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Cross-validate the classifier against the baselines at each time point (Tables 3.2-3.5).")
    static final class Evaluate implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        private DeliveryCommand parent;
        @Mixin
        private SourceOptions source;
        @Option(names = "--report", paramLabel = "<file>", description = "also write the Markdown report here")
        private Path report;
        @Option(names = "--backer-counts", defaultValue = DeliveryWorkflow.BACKERS_FINAL, paramLabel = "<mode>",
                description = "A-9: backer counts weighting the semantic reward-cluster columns at TP1/TP2: 'final' "
                        + "(the dissertation's protocol: final per-reward backers at every time point, which leaks "
                        + "them into TP1/TP2) or 'timePoint' (only what is known then: each reward counts once at "
                        + "TP1, backers as of TP2 at TP2). Default: ${DEFAULT-VALUE}, to reproduce Tables 3.3-3.5.")
        private String backerCounts;
        @Option(names = "--repeats", defaultValue = "1", paramLabel = "<R>",
                description = "repeat the k-fold cross-validation R times on new stratified folds (repetition 1 is "
                        + "the plain protocol). Table 3.3 then gives the mean over all folds ± the sd of the R "
                        + "repetitions' means, and each p-value is the largest of the R per-repetition tests (exact "
                        + "one-sided Wilcoxon over that repetition's folds). Costs R times the time. Default: "
                        + "${DEFAULT-VALUE}.")
        private int repeats;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (repeats < 1) {
                throw new CommandFailure("--repeats must be at least 1, got " + repeats);
            }
            Map<String, String> settings = withBackerCounts(source.settings, backerCounts);
            if (repeats > 1) {
                settings.putIfAbsent(DeliveryWorkflow.REPEATS, Integer.toString(repeats));
            }
            String md = parent.workflow(source.workflow).evaluate(source.source(parent.home), settings);
            PrintWriter out = spec.commandLine().getOut();
            out.print(md);
            if (report != null) {
                Path file = parent.home.resolve(report).normalize();
                write(file, md);
                out.println("wrote " + file);
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Fit features, selection and classifier on all labeled projects at one time point.")
    static final class Train implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        private DeliveryCommand parent;
        @Mixin
        private SourceOptions source;
        @Option(names = {"-t", "--time-point"}, defaultValue = "TP4", paramLabel = "<TPk>",
                description = "TP1..TP4 (default ${DEFAULT-VALUE})")
        private String timePoint;
        @Option(names = {"-m", "--model"}, required = true, paramLabel = "<file>", description = "model file to write")
        private Path model;
        @Option(names = "--backer-counts", defaultValue = DeliveryWorkflow.BACKERS_TIME_POINT, paramLabel = "<mode>",
                description = "A-9: backer counts weighting the semantic reward-cluster columns at TP1/TP2: "
                        + "'timePoint' (only what is known at the time point, so the model can score projects whose "
                        + "final backers are not known yet) or 'final' (the dissertation's protocol; leaks the final "
                        + "backers into TP1/TP2). Kept in the model file for predict. Default: ${DEFAULT-VALUE}.")
        private String backerCounts;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            TimePoint tp;
            try {
                tp = TimePoint.valueOf(timePoint.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure("unknown time point '" + timePoint + "'; known: TP1, TP2, TP3, TP4");
            }
            String summary = parent.workflow(source.workflow).train(source.source(parent.home), tp,
                    withBackerCounts(source.settings, backerCounts), parent.home.resolve(model).normalize());
            spec.commandLine().getOut().println(summary);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = "Print the probability of late delivery for every project of a source (TSV: id, p).")
    static final class Predict implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        private DeliveryCommand parent;
        @Mixin
        private SourceOptions source;
        @Parameters(index = "0", paramLabel = "<model>", description = "a model file written by 'delivery train'")
        private Path model;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Path file = parent.home.resolve(model).normalize();
            if (!Files.isRegularFile(file)) {
                throw new CommandFailure("no such file: " + file);
            }
            List<DeliveryWorkflow.Prediction> p = parent.workflow(source.workflow).predict(file,
                    source.source(parent.home));
            PrintWriter out = spec.commandLine().getOut();
            out.println("id\tprobabilityLate");
            for (DeliveryWorkflow.Prediction q : p) {
                out.println(q.projectId() + "\t" + String.format(Locale.ROOT, "%.4f", q.probabilityLate()));
            }
            out.flush();
            return 0;
        }
    }

    /** Writes a text file atomically (temporary file in the same folder, then a rename). */
    static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
