package org.marketlens.framework.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.DatasetLoader;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;

/** The runner keeps what it finished: after every model the report holds the models done so far. */
class ExperimentRunnerTest {
    @TempDir
    Path out;

    /** Scores item 0 first (a hit on the one test case) or last. */
    private record FixedModel(boolean hit) implements ModelProvider {
        @Override
        public List<HyperParameter> hyperParameters() {
            return List.of();
        }

        @Override
        public Recommender train(InteractionData train, Map<String, Object> params, TrainingContext ctx) {
            return new Recommender() {
                @Override
                public int numItems() {
                    return 3;
                }

                @Override
                public float[] score(Query query, int[] items) {
                    float[] s = new float[items.length];
                    for (int i = 0; i < items.length; i++) {
                        s[i] = (items[i] == 0) == hit ? 1 : 0;
                    }
                    return s;
                }

                @Override
                public void save(OutputStream o) {
                }
            };
        }

        /** A snapshot is one byte: 1 = the model that hits. */
        @Override
        public Recommender load(InputStream in) throws java.io.IOException {
            return new FixedModel(in.read() == 1).train(null, Map.of(), null);
        }
    }

    /** One case: user 0, positive item 0 against items 1 and 2; HIT@1. */
    private static final class OneCase implements Evaluator {
        @Override
        public Split split(Dataset data, Map<String, Object> params, long seed) {
            EvalCase c = new EvalCase(0, InteractionData.NO_GROUP, new int[0], new int[] {0}, new int[] {1, 2});
            return new Split("one-case", data.interactions(), List.of(c), List.of(c), Map.of());
        }

        @Override
        public EvaluationResult evaluate(Recommender model, InteractionData train, List<EvalCase> cases,
                Map<String, Object> params) {
            float[] s = model.score(Query.of(0), new int[] {0, 1, 2});
            double hit = s[0] > s[1] && s[0] > s[2] ? 1 : 0;
            return new EvaluationResult("one-case", List.of("HIT@1"), new int[] {0}, Map.of("HIT@1", new double[] {hit}));
        }
    }

    private static final class Plugins implements PluginRegistry {
        private final Map<Class<?>, Map<String, Object>> plugins = Map.of(
                DatasetLoader.class, Map.of("tiny", (DatasetLoader) params -> {
                    InteractionsBuilder b = Interactions.builder();
                    b.add("u", "a", Float.NaN, 0, -1);
                    b.add("u", "b", Float.NaN, 1, -1);
                    b.add("v", "c", Float.NaN, 0, -1);
                    return new Dataset("tiny", b.build(), Optional.empty(), Map.of());
                }),
                Evaluator.class, Map.of("one-case", new OneCase()),
                ModelProvider.class, Map.of("Good", new FixedModel(true), "Bad", new FixedModel(false),
                        "Broken", new ModelProvider() {
                            @Override
                            public List<HyperParameter> hyperParameters() {
                                return List.of();
                            }

                            @Override
                            public Recommender train(InteractionData t, Map<String, Object> p, TrainingContext c) {
                                throw new IllegalStateException("out of memory, say");
                            }

                            @Override
                            public Recommender load(InputStream in) {
                                throw new UnsupportedOperationException();
                            }
                        }));

        @Override
        public <T> Optional<T> find(Class<T> type, String name) {
            return Optional.ofNullable(plugins.getOrDefault(type, Map.of()).get(name)).map(type::cast);
        }

        @Override
        public SortedMap<String, String> names(Class<?> type) {
            SortedMap<String, String> names = new TreeMap<>();
            plugins.getOrDefault(type, Map.of()).keySet().forEach(n -> names.put(n, "test"));
            return names;
        }
    }

    private static ExperimentSpec.ModelSpec model(String name) {
        return new ExperimentSpec.ModelSpec(null, name, null, null, null, null, null, null);
    }

    @Test
    void aRunThatFailsKeepsTheReportOfTheModelsItFinished() throws Exception {
        ExperimentSpec spec = new ExperimentSpec("partial", 1L, 1, new ExperimentSpec.PluginSpec("tiny", null),
                new ExperimentSpec.PluginSpec("one-case", null), null, List.of("Bad"),
                List.of(model("Bad"), model("Good"), model("Broken")));
        ExperimentRunner runner = new ExperimentRunner(new Plugins(), Progress.NONE);
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> runner.run(spec, out));
        assertEquals("out of memory, say", failure.getMessage());
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals("partial: 2 of 3 models of repetition 1 of 1", results.get("status").asText());
        assertEquals(List.of("Bad", "Good"), List.copyOf(iterable(results.get("perCase").fieldNames())));
        assertEquals(1.0, results.get("perCase").get("Good").get("values").get("HIT@1").get(0).asDouble());
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.startsWith("# partial (partial: 2 of 3 models of repetition 1 of 1)"), report);
    }

    @Test
    void aFinishedRunSaysItIsComplete() throws Exception {
        ExperimentSpec spec = new ExperimentSpec("whole", 1L, 1, new ExperimentSpec.PluginSpec("tiny", null),
                new ExperimentSpec.PluginSpec("one-case", null), null, List.of(), List.of(model("Good")));
        new ExperimentRunner(new Plugins(), Progress.NONE).run(spec, out);
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals("complete", results.get("status").asText());
        assertTrue(Files.readString(out.resolve("report.md")).startsWith("# whole\n"));
    }

    @Test
    void aSnapshotIsEvaluatedInsteadOfTrained() throws Exception {
        Path hit = out.resolve("hit.model");
        Files.write(hit, new byte[] {1});
        ExperimentSpec spec = new ExperimentSpec("snapshots", 1L, 1, new ExperimentSpec.PluginSpec("tiny", null),
                new ExperimentSpec.PluginSpec("one-case", null), null, List.of(),
                List.of(new ExperimentSpec.ModelSpec("Loaded", "Bad", null, null, null, null, null, null,
                        hit.toString())));
        ExperimentReport report = new ExperimentRunner(new Plugins(), Progress.NONE).run(spec, out);
        assertEquals(1.0, report.results().get("Loaded").mean("HIT@1"), "the snapshot hits, a trained Bad would not");
        assertTrue(Files.readString(out.resolve("report.md")).contains("\"snapshot\" : \"" + hit.toAbsolutePath()));

        ExperimentSpec missing = new ExperimentSpec("missing", 1L, 1, new ExperimentSpec.PluginSpec("tiny", null),
                new ExperimentSpec.PluginSpec("one-case", null), null, List.of(),
                List.of(new ExperimentSpec.ModelSpec("Lost", "Good", null, null, null, null, null, null, "nope.model")));
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> new ExperimentRunner(new Plugins(), Progress.NONE).run(missing, out));
        assertTrue(e.getMessage().startsWith("Lost: cannot load snapshot " + Path.of("nope.model").toAbsolutePath()),
                e.getMessage());
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
