package org.marketlens.model.fism.bench;

import java.util.LinkedHashMap;
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
import org.marketlens.loss.bpr.BprLoss;
import org.marketlens.model.fism.FismProvider;
import org.marketlens.sampler.uniform.UniformSampler;

/**
 * Seconds per epoch and HIT@10/NDCG@10 of FISM on the AOTM-2011 subset under protocol 2 (MODELS.md §3.12, the
 * loading and split of {@code config/experiments/protocols/aotm-protocol2.json}: dedupe group-item, minGroupSize 5,
 * two held-out songs per playlist, 100 sampled negatives, pessimistic ties; through the framework's
 * {@link PlaylistBenchmark}), trained with BPR, 4 uniform negatives per
 * positive, batch 256, Adam, d = 64 by default. Validation NDCG@10 after every epoch (early stopping keeps the best
 * epoch), then the test metrics of that epoch; training progress is printed for the first 200 steps and every 10% of an
 * epoch. A command, not a unit test. Run from the repository root:
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
        Optional<PlaylistBenchmark> bench = PlaylistBenchmark.load(args[0], new PlaylistLoader(),
                new LooSampledEvaluator(), seed, "AOTM subset absent at %s: skipped");
        if (bench.isEmpty()) {
            return;
        }
        Split split = bench.get().split();
        System.out.printf("loaded and split in %.1f s: %d users, %d items, %d training interactions, %d test cases%n",
                bench.get().loadSeconds(), split.train().numUsers(), split.train().numItems(),
                split.train().size(), split.test().size());
        FixedTrainingContext ctx = new FixedTrainingContext(seed, epochs, patience)
                .with(Loss.class, "BPR", new BprLoss())
                .with(NegativeSampler.class, "uniform", new UniformSampler())
                .validation(bench.get().validationEachEpoch((epoch, training, validation, r) -> System.out.printf(
                        "epoch %d: %.1f s training, %.1f s validation, dev NDCG@10 %.4f HIT@10 %.4f%n", epoch,
                        training, validation, r.mean("NDCG@10"), r.mean("HIT@10"))))
                .onProgress(PlaylistBenchmark.progressPrinter());
        Recommender model = new FismProvider().train(split.train(), params, ctx);
        EvaluationResult test = bench.get().test(model);
        System.out.printf("FISM %s: test HIT@10 %.4f NDCG@10 %.4f (best epoch %s); recorded %s; total %.1f s%n", params,
                test.mean("HIT@10"), test.mean("NDCG@10"), ctx.recorded.get("train.bestEpoch"), ctx.recorded,
                (System.nanoTime() - t0) / 1e9);
    }
}
