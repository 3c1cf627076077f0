package org.marketlens.framework.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlens.api.delivery.DeliveryWorkflow;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.framework.experiment.PluginRegistry;

class DeliveryCommandTest {
    @TempDir
    Path home;

    /** Records the calls it gets and answers with fixed values. */
    private static final class RecordingWorkflow implements DeliveryWorkflow {
        final List<String> calls = new ArrayList<>();

        @Override
        public String evaluate(Source source, Map<String, String> settings) {
            calls.add("evaluate " + source + " " + new TreeMap<>(settings));
            return "| report |\n";
        }

        @Override
        public String train(Source source, TimePoint timePoint, Map<String, String> settings, Path model) {
            calls.add("train " + source + " " + timePoint + " " + model.getFileName());
            return "trained";
        }

        @Override
        public List<Prediction> predict(Path model, Source projects) {
            calls.add("predict " + model.getFileName() + " " + projects);
            return List.of(new Prediction("p1", 0.25), new Prediction("p2", 0.875));
        }
    }

    private static PluginRegistry registry(Map<String, DeliveryWorkflow> workflows) {
        return new PluginRegistry() {
            @Override
            public <T> Optional<T> find(Class<T> type, String name) {
                return type == DeliveryWorkflow.class ? Optional.ofNullable(type.cast(workflows.get(name)))
                        : Optional.empty();
            }

            @Override
            public SortedMap<String, String> names(Class<?> type) {
                SortedMap<String, String> out = new TreeMap<>();
                if (type == DeliveryWorkflow.class) {
                    workflows.keySet().forEach(n -> out.put(n, "test 1.0"));
                }
                return out;
            }
        };
    }

    private String[] run(PluginRegistry plugins, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CliCommands(plugins, home, home.resolve("deploy")).execute(args, new PrintWriter(out),
                new PrintWriter(err));
        return new String[] {Integer.toString(status), out.toString(), err.toString()};
    }

    @Test
    void evaluatePassesSourceOptionsAndSettingsAndWritesTheReport() throws Exception {
        RecordingWorkflow w = new RecordingWorkflow();
        String[] r = run(registry(Map.of("chapter3", w)), "delivery", "evaluate", "-s", "json", "-o",
                "path=data/p.json", "--set", "folds=3", "--set", "timePoints=TP1,TP4", "--report", "out/r.md");
        assertEquals("0", r[0], r[2]);
        assertEquals(List.of("evaluate Source[name=json, options={path=" + home.resolve("data/p.json")
                + "}] {backerCounts=final, folds=3, timePoints=TP1,TP4}"), w.calls);
        assertEquals("| report |\n", Files.readString(home.resolve("out/r.md")));
    }

    @Test
    void backerCountsOptionIsInTheHelpAndReachesTheWorkflow() {
        String[] help = run(registry(Map.of()), "delivery", "evaluate", "--help");
        assertEquals("0", help[0]);
        String text = help[1].replaceAll("\\s+", " ");
        assertTrue(text.contains("--backer-counts=<mode>") && text.contains("Default: final"), help[1]);
        RecordingWorkflow w = new RecordingWorkflow();
        String[] r = run(registry(Map.of("chapter3", w)), "delivery", "evaluate", "--backer-counts", "timePoint");
        assertEquals("0", r[0], r[2]);
        assertEquals(List.of("evaluate Source[name=synthetic, options={}] {backerCounts=timePoint}"), w.calls);
        String[] t = run(registry(Map.of()), "delivery", "train", "--help");
        assertTrue(t[1].replaceAll("\\s+", " ").contains("Default: timePoint"), t[1]);
    }

    @Test
    void repeatsOptionIsInTheHelpAndReachesTheWorkflow() {
        String[] help = run(registry(Map.of()), "delivery", "evaluate", "--help");
        String text = help[1].replaceAll("\\s+", " ");
        assertTrue(text.contains("--repeats=<R>") && text.contains("largest of the R per-repetition tests"), help[1]);
        RecordingWorkflow w = new RecordingWorkflow();
        String[] r = run(registry(Map.of("chapter3", w)), "delivery", "evaluate", "--repeats", "3");
        assertEquals("0", r[0], r[2]);
        assertEquals(List.of("evaluate Source[name=synthetic, options={}] {backerCounts=final, repeats=3}"), w.calls);
        String[] bad = run(registry(Map.of("chapter3", w)), "delivery", "evaluate", "--repeats", "0");
        assertEquals("1", bad[0]);
        assertTrue(bad[2].contains("--repeats must be at least 1"), bad[2]);
    }

    @Test
    void trainAndPredictRouteToTheNamedWorkflow() throws Exception {
        RecordingWorkflow w = new RecordingWorkflow();
        PluginRegistry plugins = registry(Map.of("other", w));
        String[] t = run(plugins, "delivery", "train", "--workflow", "other", "-t", "tp2", "-m", "m.bin");
        assertEquals("0", t[0], t[2]);
        assertEquals("trained\n", t[1]);
        Files.writeString(home.resolve("m.bin"), "x");
        String[] p = run(plugins, "delivery", "predict", "--workflow", "other", "-o", "size=5", "m.bin");
        assertEquals("id\tprobabilityLate\np1\t0.2500\np2\t0.8750\n", p[1]);
        assertEquals(List.of("train Source[name=synthetic, options={}] TP2 m.bin",
                "predict m.bin Source[name=synthetic, options={size=5}]"), w.calls);
    }

    @Test
    void failuresAreOneLine() {
        PluginRegistry none = registry(Map.of());
        String[] r = run(none, "delivery", "evaluate");
        assertEquals("1", r[0]);
        assertEquals("marketlens: unknown DeliveryWorkflow 'chapter3'; known:\n", r[2]);
        String[] p = run(registry(Map.of("chapter3", new RecordingWorkflow())), "delivery", "predict", "nope.bin");
        assertEquals("marketlens: no such file: " + home.resolve("nope.bin") + "\n", p[2]);
        String[] t = run(registry(Map.of("chapter3", new RecordingWorkflow())), "delivery", "train", "-t", "TP9",
                "-m", "m.bin");
        assertTrue(t[2].contains("unknown time point 'TP9'"), t[2]);
    }
}
