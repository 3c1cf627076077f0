package org.marketlens.framework.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.DatasetLoader;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.train.Seeds;

/**
 * Runs an experiment: load → split (per repetition) → for each model and grid point: train with early stopping on
 * the validation split → keep the grid point with the best validation value → evaluate on test → comparison table,
 * provenance, Markdown and JSON reports and model snapshots, all written atomically.
 */
public final class ExperimentRunner {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final PluginRegistry plugins;
    private final Progress progress;

    public ExperimentRunner(PluginRegistry plugins, Progress progress) {
        this.plugins = plugins;
        this.progress = progress;
    }

    /**
     * @param spec      the experiment
     * @param outputDir where report.md, results.json, provenance.json and models/ go
     * @return the report
     * @throws IOException when data cannot be read or results cannot be written
     */
    public ExperimentReport run(ExperimentSpec spec, Path outputDir) throws IOException {
        Instant started = Instant.now();
        DatasetLoader loader = plugins.require(DatasetLoader.class, spec.dataset().name());
        Evaluator evaluator = plugins.require(Evaluator.class, spec.protocol().name());
        for (ExperimentSpec.ModelSpec m : spec.models()) {
            plugins.require(ModelProvider.class, m.model());
            if (m.loss() != null) {
                plugins.require(Loss.class, m.loss());
            }
            if (m.sampler() != null) {
                plugins.require(NegativeSampler.class, m.sampler());
            }
        }
        progress.message("loading " + spec.dataset().name() + " " + spec.dataset().params());
        Dataset dataset = loader.load(spec.dataset().params());
        Map<String, List<EvaluationResult>> perRepetition = new LinkedHashMap<>();
        Map<String, Object> modelProvenance = new LinkedHashMap<>();
        List<Object> splits = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int rep = 0; rep < spec.repetitions(); rep++) {
            Split split = evaluator.split(dataset, spec.protocol().params(), Seeds.derive(spec.seed(), "split", rep));
            splits.add(split.facts());
            progress.message(String.format("split %d: %d training interactions, %d validation and %d test cases",
                    rep + 1, split.train().size(), split.validation().size(), split.test().size()));
            for (ExperimentSpec.ModelSpec m : spec.models()) {
                ModelRun run = new ModelRun(spec, m, split, evaluator, plugins, progress, rep);
                Recommender best = run.trainBestOnValidation();
                EvaluationResult test = evaluator.evaluate(best, split.train(), split.test(), spec.protocol().params());
                if (spec.fullRanking()) {
                    test = FullRankingColumns.addTo(test, evaluator, best, split, spec.protocol().params());
                }
                StringBuilder line = new StringBuilder(m.label()).append(": test");
                for (String metric : test.metrics()) {
                    line.append(String.format(" %s = %.4f", metric, test.mean(metric)));
                }
                progress.message(line.toString());
                perRepetition.computeIfAbsent(m.label(), k -> new ArrayList<>()).add(test);
                modelProvenance.put(spec.repetitions() == 1 ? m.label() : m.label() + "#" + rep, run.provenance());
                if (rep == 0) {
                    Path snapshot = outputDir.resolve("models").resolve(fileName(m.label()) + ".model");
                    AtomicFiles.write(snapshot, best::save);
                    files.add(snapshot);
                }
                // The report so far, after every model: a run stopped or crashed later keeps what it finished.
                Map<String, EvaluationResult> done = new LinkedHashMap<>();
                int repetitionsDone = rep + 1;
                perRepetition.forEach((label, list) -> {
                    if (list.size() == repetitionsDone) {
                        done.put(label, concatenate(list));
                    }
                });
                write(spec, outputDir, new ComparisonTable(done, spec.baselines()), done,
                        provenance(spec, dataset, splits, modelProvenance, started),
                        String.format("partial: %d of %d models of repetition %d of %d", done.size(),
                                spec.models().size(), repetitionsDone, spec.repetitions()));
            }
        }
        Map<String, EvaluationResult> results = new LinkedHashMap<>();
        perRepetition.forEach((label, list) -> results.put(label, concatenate(list)));
        ComparisonTable table = new ComparisonTable(results, spec.baselines());
        Map<String, Object> provenance = provenance(spec, dataset, splits, modelProvenance, started);
        files.addAll(write(spec, outputDir, table, results, provenance, "complete"));
        return new ExperimentReport(table, results, provenance, files);
    }

    /**
     * Writes report.md and results.json (each atomically).
     *
     * @param status {@code complete}, or what a partial report covers (the title says it)
     */
    private List<Path> write(ExperimentSpec spec, Path outputDir, ComparisonTable table,
            Map<String, EvaluationResult> results, Map<String, Object> provenance, String status) throws IOException {
        Path markdown = outputDir.resolve("report.md");
        StringBuilder md = new StringBuilder("# ").append(spec.name())
                .append("complete".equals(status) ? "" : " (" + status + ")").append("\n\n");
        md.append("Dataset `").append(spec.dataset().name()).append("`, protocol `").append(spec.protocol().name())
                .append("`, ").append(spec.repetitions()).append(" repetition(s), seed ").append(spec.seed())
                .append(". Values are means ± standard errors over test cases.\n\n");
        md.append(table.markdown()).append("\n## Provenance\n\n```json\n")
                .append(JSON.writeValueAsString(provenance)).append("\n```\n");
        AtomicFiles.writeString(markdown, md.toString());
        Path json = outputDir.resolve("results.json");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("experiment", spec.name());
        out.put("status", status);
        out.put("table", table.rows());
        Map<String, Object> perCase = new LinkedHashMap<>();
        results.forEach((label, r) -> perCase.put(label, Map.of("users", r.users(), "values", r.values())));
        out.put("perCase", perCase);
        out.put("provenance", provenance);
        AtomicFiles.write(json, s -> JSON.writeValue(s, out));
        return List.of(markdown, json);
    }

    private Map<String, Object> provenance(ExperimentSpec spec, Dataset dataset, List<Object> splits,
            Map<String, Object> models, Instant started) {
        Map<String, Object> p = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("loader", spec.dataset().name());
        data.put("loaderOrigin", plugins.names(DatasetLoader.class).get(spec.dataset().name()));
        data.put("params", spec.dataset().params());
        data.put("users", dataset.interactions().numUsers());
        data.put("items", dataset.interactions().numItems());
        data.put("interactions", dataset.interactions().size());
        data.put("facts", dataset.facts());
        p.put("dataset", data);
        p.put("protocol", Map.of("name", spec.protocol().name(), "params", spec.protocol().params(),
                "origin", String.valueOf(plugins.names(Evaluator.class).get(spec.protocol().name()))));
        p.put("splits", splits);
        p.put("models", models);
        p.put("experimentSeed", spec.seed());
        p.put("code", codeProvenance());
        p.put("startedUtc", started.toString());
        p.put("finishedUtc", Instant.now().toString());
        return p;
    }

    private static Map<String, Object> codeProvenance() {
        Map<String, Object> code = new LinkedHashMap<>();
        try (InputStream in = ExperimentRunner.class.getResourceAsStream("/META-INF/MANIFEST.MF")) {
            if (in != null) {
                var attributes = new Manifest(in).getMainAttributes();
                code.put("framework", attributes.getValue("Bundle-Version"));
                code.put("commit", attributes.getValue("Marketlens-Commit"));
            }
        } catch (IOException e) {
            code.put("manifestError", e.getMessage());
        }
        code.put("java", System.getProperty("java.version"));
        code.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        code.put("arch", System.getProperty("os.arch"));
        code.put("cores", Runtime.getRuntime().availableProcessors());
        code.put("ompThreads", System.getenv("OMP_NUM_THREADS"));
        return code;
    }

    private static EvaluationResult concatenate(List<EvaluationResult> list) {
        if (list.size() == 1) {
            return list.get(0);
        }
        EvaluationResult first = list.get(0);
        int n = list.stream().mapToInt(r -> r.users().length).sum();
        int[] users = new int[n];
        Map<String, double[]> values = new LinkedHashMap<>();
        first.metrics().forEach(m -> values.put(m, new double[n]));
        int at = 0;
        for (EvaluationResult r : list) {
            System.arraycopy(r.users(), 0, users, at, r.users().length);
            for (String m : first.metrics()) {
                System.arraycopy(r.values().get(m), 0, values.get(m), at, r.users().length);
            }
            at += r.users().length;
        }
        return new EvaluationResult(first.protocol(), first.metrics(), users, values);
    }

    private static String fileName(String label) {
        return label.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
