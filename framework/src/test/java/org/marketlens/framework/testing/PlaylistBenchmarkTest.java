package org.marketlens.framework.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.rec.Recommender;

/** The AOTM benchmark harness: the skip when the subset is absent, protocol 2's parameters, per-epoch validation. */
class PlaylistBenchmarkTest {
    @Test
    void anAbsentSubsetSkipsWithoutLoading(@TempDir Path shared) throws Exception {
        List<Object> calls = new ArrayList<>();
        Optional<PlaylistBenchmark> bench = PlaylistBenchmark.load(shared.toString(), params -> {
            calls.add(params);
            throw new AssertionError("loaded");
        }, new Scripted(), 1, "absent: %s");
        assertTrue(bench.isEmpty());
        assertTrue(calls.isEmpty());
        assertEquals(shared.resolve("data/playlists-aotm2011-subset/pick_playlist.txt"),
                PlaylistBenchmark.subset(shared.toString()));
    }

    @Test
    void protocolTwoLoadsAndSplitsAndValidatesEveryEpoch(@TempDir Path shared) throws Exception {
        Path file = PlaylistBenchmark.subset(shared.toString());
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, "u p a b c d e\n");
        List<Map<String, Object>> loaded = new ArrayList<>();
        Scripted evaluator = new Scripted();
        PlaylistBenchmark bench = PlaylistBenchmark.load(shared.toString(), params -> {
            loaded.add(params);
            return null;
        }, evaluator, 7, "absent: %s").orElseThrow();
        assertEquals(Map.of("path", file.toString(), "format", "aotm", "dedupe", "group-item", "minGroupSize", 5),
                loaded.get(0));
        assertEquals(List.of(PlaylistBenchmark.PROTOCOL, 7L), evaluator.splitWith);
        List<String> reports = new ArrayList<>();
        Function<Recommender, OptionalDouble> validate = bench.validationEachEpoch((epoch, training, validation, r) -> {
            assertTrue(training >= 0 && validation >= 0);
            reports.add(epoch + ":" + r.mean("NDCG@10"));
        });
        assertEquals(0.25, validate.apply(null).getAsDouble());
        assertEquals(0.5, validate.apply(null).getAsDouble());
        assertEquals(List.of("1:0.25", "2:0.5"), reports);
        assertEquals(List.of("validation", "validation"), evaluator.evaluatedOn);
        bench.test(null);
        assertEquals("test", evaluator.evaluatedOn.get(2));
    }

    /** Splits into one validation and one test case; each evaluation's NDCG@10 is 0.25 more than the previous. */
    private static final class Scripted implements Evaluator {
        final EvalCase validationCase = new EvalCase(0, 0, null, new int[] {1}, new int[] {2, 3});
        final EvalCase testCase = new EvalCase(0, 0, null, new int[] {2}, new int[] {1, 3});
        List<Object> splitWith;
        final List<String> evaluatedOn = new ArrayList<>();
        double ndcg;

        @Override
        public Split split(org.marketlens.api.data.Dataset data, Map<String, Object> params, long seed) {
            splitWith = List.of(params, seed);
            return new Split("loo-sampled", null, List.of(validationCase), List.of(testCase), Map.of());
        }

        @Override
        public EvaluationResult evaluate(Recommender model, InteractionData train, List<EvalCase> cases,
                Map<String, Object> params) {
            evaluatedOn.add(cases.get(0) == validationCase ? "validation" : "test");
            ndcg += 0.25;
            return new EvaluationResult("loo-sampled", List.of("NDCG@10", "HIT@10"), new int[] {0},
                    Map.of("NDCG@10", new double[] {ndcg}, "HIT@10", new double[] {1}));
        }
    }
}
