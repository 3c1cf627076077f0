package org.marketlens.model.fism.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.data.playlists.PlaylistLoader;
import org.marketlens.eval.loosampled.LooSampledEvaluator;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.loss.bpr.BprLoss;
import org.marketlens.sampler.uniform.UniformSampler;

/**
 * Seconds per epoch and HIT@10/NDCG@10 of FISM on the AOTM-2011 subset under protocol 2 (MODELS.md §3.12, the
 * loading and split of {@code config/experiments/protocols/aotm-protocol2.json}: dedupe group-item, minGroupSize 5,
 * two held-out songs per playlist, 100 sampled negatives, pessimistic ties), trained with BPR, 4 uniform negatives per
 * positive, batch 256, Adam, d = 64 by default. Validation NDCG@10 after every epoch (early stopping keeps the best
 * epoch), then the test metrics of that epoch. A command, not a unit test. Run from the repository root:
 * <pre>
 * java -cp &lt;model-fism test class path&gt; org.marketlens.model.fism.bench.FismAotm SHARED EPOCHS [key=value ...]
 * </pre>
 * SHARED is the folder holding {@code data/playlists-aotm2011-subset} (e.g. {@code ../shared}); key=value pairs are
 * FISM hyper-parameters (dim, lambda, alpha, contextSize, learningRate, batchSize, negatives) plus {@code seed}
 * (default 2026) and {@code patience} (default 2).
 */
public final class FismAotm {
    private FismAotm() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0], "data", "playlists-aotm2011-subset", "pick_playlist.txt");
        if (!Files.isRegularFile(file)) {
            System.out.println("AOTM subset absent at " + file + ": skipped");
            return;
        }
        int epochs = Integer.parseInt(args[1]);
        Map<String, Object> params = new LinkedHashMap<>(Map.of("dim", 64, "batchSize", 256, "negatives", 4));
        long seed = 2026;
        int patience = 2;
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            switch (kv[0]) {
                case "seed" -> seed = Long.parseLong(kv[1]);
                case "patience" -> patience = Integer.parseInt(kv[1]);
                default -> params.put(kv[0], kv[1].contains(".") || kv[1].contains("e") ? (Object) Double.parseDouble(kv[1])
                        : (Object) Integer.parseInt(kv[1]));
            }
        }
        long t0 = System.nanoTime();
        Dataset data = new PlaylistLoader().load(Map.of("path", file.toString(), "format", "aotm", "dedupe",
                "group-item", "minGroupSize", 5));
        LooSampledEvaluator evaluator = new LooSampledEvaluator();
        Map<String, Object> protocol = Map.of("split", "playlist", "metrics", java.util.List.of("NDCG@10", "HIT@10"));
        Split split = evaluator.split(data, protocol, seed);
        System.out.printf("loaded and split in %.1f s: %d users, %d items, %d training interactions, %d test cases%n",
                (System.nanoTime() - t0) / 1e9, split.train().numUsers(), split.train().numItems(),
                split.train().size(), split.test().size());
        long[] last = {System.nanoTime()};
        int[] epoch = {0};
        FixedTrainingContext ctx = new FixedTrainingContext(seed, epochs, patience)
                .with(Loss.class, "BPR", new BprLoss())
                .with(NegativeSampler.class, "uniform", new UniformSampler())
                .validation(m -> {
                    long start = System.nanoTime();
                    EvaluationResult r = evaluator.evaluate(m, split.train(), split.validation(), protocol);
                    long end = System.nanoTime();
                    System.out.printf("epoch %d: %.1f s training, %.1f s validation, dev NDCG@10 %.4f HIT@10 %.4f%n",
                            ++epoch[0], (start - last[0]) / 1e9, (end - start) / 1e9, r.mean("NDCG@10"),
                            r.mean("HIT@10"));
                    last[0] = System.nanoTime();
                    return OptionalDouble.of(r.mean("NDCG@10"));
                });
        ModelProvider provider = new org.marketlens.model.fism.FismProvider();
        Recommender model = provider.train(split.train(), params, new Reporting(ctx));
        EvaluationResult test = evaluator.evaluate(model, split.train(), split.test(), protocol);
        System.out.printf("FISM %s: test HIT@10 %.4f NDCG@10 %.4f (best epoch %s); recorded %s; total %.1f s%n", params,
                test.mean("HIT@10"), test.mean("NDCG@10"), ctx.recorded.get("train.bestEpoch"), ctx.recorded,
                (System.nanoTime() - t0) / 1e9);
    }

    /** The context with the training progress printed for the first 200 steps and every 10% of an epoch. */
    private record Reporting(FixedTrainingContext ctx) implements TrainingContext {
        private static long start = System.nanoTime();
        private static long lastTenth = -1;

        @Override
        public void progress(String stage, long done, long total) {
            long tenth = done * 10 / Math.max(1, total);
            if (done == 1) {
                start = System.nanoTime();
                lastTenth = 0;
            }
            if (tenth != lastTenth || done <= 201) {
                lastTenth = tenth;
                double s = (System.nanoTime() - start) / 1e9;
                System.out.printf("  %s %d/%d steps in %.1f s (%.1f steps/s)%n", stage, done, total, s, done / s);
            }
        }

        @Override
        public long seed() {
            return ctx.seed();
        }

        @Override
        public int maxEpochs() {
            return ctx.maxEpochs();
        }

        @Override
        public int patience() {
            return ctx.patience();
        }

        @Override
        public OptionalDouble validate(Recommender candidate) {
            return ctx.validate(candidate);
        }

        @Override
        public <T> Optional<T> plugin(Class<T> type) {
            return ctx.plugin(type);
        }

        @Override
        public <T> Optional<T> plugin(Class<T> type, String name) {
            return ctx.plugin(type, name);
        }

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void record(String key, Object value) {
            ctx.record(key, value);
        }
    }
}
