package org.marketlens.model.mass.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.data.playlists.PlaylistLoader;
import org.marketlens.eval.loosampled.LooSampledEvaluator;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.PlaylistBenchmark;
import org.marketlens.framework.train.ContextWindows;
import org.marketlens.loss.bpr.BprLoss;
import org.marketlens.model.mass.MassProvider;
import org.marketlens.sampler.uniform.UniformSampler;

/**
 * Seconds per epoch of MASS on the AOTM-2011 subset, as a command, not a unit test: the data and protocol of
 * {@code config/experiments/protocols/aotm-protocol2.json} (dedupe group-item, minGroupSize 5, leave two songs out per
 * playlist, 100 sampled negatives; through the framework's {@link PlaylistBenchmark}), BPR with 4 uniform negatives,
 * batch 256, Adam 0.001, d = 64 (MODELS.md §3.7,
 * §3.12). Prints per epoch the training-step time, the triples per second, the validation NDCG@10, then the
 * test HIT@10 / NDCG@10 of the best epoch and the process's peak RSS. Run from the repository root:
 * <pre>
 * java -cp &lt;model-mass test class path&gt; org.marketlens.model.mass.bench.MassAotmBench SHARED EPOCHS [attention=metric] [memory=external] [contextSize=58] [dim=64] [lambda=0.0001]
 * </pre>
 * SHARED is the folder holding {@code data/playlists-aotm2011-subset} (e.g. {@code ../shared}).
 */
public final class MassAotmBench {
    private MassAotmBench() {
    }

    public static void main(String[] args) throws Exception {
        Optional<PlaylistBenchmark> bench = PlaylistBenchmark.load(args[0], new PlaylistLoader(),
                new LooSampledEvaluator(), 2026, "AOTM-2011 subset absent at %s: skipped");
        if (bench.isEmpty()) {
            return;
        }
        int epochs = Integer.parseInt(args[1]);
        Map<String, String> options = new LinkedHashMap<>(Map.of("attention", "metric", "memory", "external",
                "contextSize", "58", "dim", "64", "lambda", "0.0001"));
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], kv[1]);
        }
        Split split = bench.get().split();
        int contextSize = Integer.parseInt(options.get("contextSize"));
        int instances = new ContextWindows(contextSize).instancesWithContext(split.train()).length;
        int negatives = 4;
        System.out.printf(Locale.ROOT, "AOTM subset: %d users, %d songs, %d training songs (%d with members), %d"
                        + " validation / %d test cases; loaded and split in %.1f s%n", split.train().numUsers(),
                split.train().numItems(), split.train().size(), instances, split.validation().size(),
                split.test().size(), bench.get().loadSeconds());
        FixedTrainingContext ctx = new FixedTrainingContext(1, epochs, 2)
                .with(Loss.class, "BPR", new BprLoss()).with(NegativeSampler.class, "uniform", new UniformSampler())
                .validation(bench.get().validationEachEpoch((epoch, training, validation, r) -> System.out.printf(
                        Locale.ROOT, "MASS epoch %d: %.1f s with validation, validation NDCG@10 %.4f, load %s%n",
                        epoch, training + validation, r.mean("NDCG@10"), PlaylistBenchmark.loadLine())));
        Map<String, Object> params = Map.of("dim", Integer.parseInt(options.get("dim")), "contextSize", contextSize,
                "lambda", Double.parseDouble(options.get("lambda")), "attention", options.get("attention"),
                "memory", options.get("memory"), "negatives", negatives, "batchSize", 256, "learningRate", 0.001);
        long t1 = System.nanoTime();
        Recommender model = new MassProvider().train(split.train(), params, ctx);
        double trainSeconds = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        EvaluationResult test = bench.get().test(model);
        double testSeconds = (System.nanoTime() - t2) / 1e9;
        @SuppressWarnings("unchecked")
        List<Double> seconds = (List<Double>) ctx.recorded.get("train.epochSeconds");
        double perEpoch = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "MASS %s: %d epoch(s), best %s; training steps %s s/epoch (mean %.1f), %.0f"
                        + " triples/s (%d triples/epoch); %.1f s in all with validation; test (%d cases, %.1f s):"
                        + " HIT@10 %.4f, NDCG@10 %.4f; peak RSS %s; load %s%n", options, seconds.size(),
                ctx.recorded.get("train.bestEpoch"), seconds, perEpoch, (double) instances * negatives / perEpoch,
                (long) instances * negatives, trainSeconds, test.users().length, testSeconds, test.mean("HIT@10"),
                test.mean("NDCG@10"), PlaylistBenchmark.peakRss(), PlaylistBenchmark.loadLine());
    }
}
