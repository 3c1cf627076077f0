package org.marketlens.model.sdmr.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.data.ncf.NcfSplitLoader;
import org.marketlens.eval.loosampled.LooSampledEvaluator;
import org.marketlens.framework.experiment.PeakMemory;
import org.marketlens.framework.nn.kernel.KernelTraining;
import org.marketlens.loss.bpr.BprLoss;
import org.marketlens.sampler.uniform.UniformSampler;

/**
 * Benchmark command, not a unit test: trains one signed-distance model on the published ml-100k-loo split with BPR,
 * 4 uniform negatives, batch 256, Adam 0.001 (MODELS.md §4.8), selects the epoch on validation NDCG@10 and
 * prints test HIT@10 / NDCG@10 under both tie rules, seconds per epoch, triples per second and peak memory.
 * <pre>
 * java -cp &lt;test class path&gt; org.marketlens.model.sdmr.bench.SignedDistanceBenchmark SHARED MODEL EPOCHS PATIENCE OUTDIR [k=v ...]
 * </pre>
 * MODEL is SDP, SDM or SDMR; {@code seed=N} sets the trainer's seed (default 1); for SDMR pass {@code sdpSnapshot=OUTDIR/SDP.zip sdmSnapshot=OUTDIR/SDM.zip} (written by
 * earlier runs) to freeze those instead of training new parts. SDP and SDM train through their hand-written kernels
 * (issue 6); {@code java -Dmarketlens.kernels=false ...} trains the same model through the SameDiff graph, for an
 * A/B of seconds per epoch, triples per second and peak RSS.
 */
public final class SignedDistanceBenchmark {
    private SignedDistanceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0], "data", "ml-100k-loo");
        if (!Files.isRegularFile(dir.resolve("ml100k.train.rating"))) {
            System.out.println("ml-100k-loo absent under " + dir + ": skipped");
            return;
        }
        String name = args[1];
        int epochs = Integer.parseInt(args[2]);
        int patience = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        Files.createDirectories(out);
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 5; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            params.put(kv[0], kv[1].matches("-?[0-9]+") ? (Object) Integer.valueOf(kv[1])
                    : kv[1].matches("-?[0-9.eE-]+") ? (Object) Double.valueOf(kv[1]) : kv[1]);
        }
        // seed=N is the trainer's seed (initialisation, sampling, dropout), not a model hyper-parameter.
        long seed = params.containsKey("seed") ? ((Number) params.remove("seed")).longValue() : 1L;
        LooSampledEvaluator protocol = new LooSampledEvaluator();
        Dataset ds = new NcfSplitLoader().load(Map.of("dir", dir.toString(), "prefix", "ml100k"));
        Split split = protocol.split(ds, Map.of(), 0);
        String tag = name + params.toString().replaceAll("[^A-Za-z0-9=.,-]", "") + (seed == 1L ? "" : ",seed=" + seed);
        BenchContext ctx = new BenchContext(tag, seed, epochs, patience,
                r -> protocol.evaluate(r, split.train(), split.validation(), Map.of()).mean("NDCG@10"))
                .with(Loss.class, "BPR", new BprLoss())
                .with(NegativeSampler.class, "uniform", new UniformSampler())
                .onImprovement((epoch, candidate) -> {
                    // The test split is only reported here, never used for selection: the run keeps the epoch
                    // with the best validation NDCG@10, and this prints what that epoch scores on test.
                    report(tag + " epoch " + epoch, protocol, candidate, split);
                    save(candidate, out, name);
                });
        ModelProvider provider = BenchModels.provider(name, out);
        System.out.printf("%s: %d users, %d items, %d training interactions; load %s%n", tag,
                split.train().numUsers(), split.train().numItems(), split.train().size(), loadAverage());
        long t0 = System.nanoTime();
        Recommender model = provider.train(split.train(), params, ctx);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        report(tag + " best-validation epoch", protocol, model, split);
        @SuppressWarnings("unchecked")
        List<Double> seconds = (List<Double>) ctx.recorded.get("train.epochSeconds");
        double mean = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.printf("%s: best epoch %s of %d, training %.1f s, %.2f s/epoch (training steps only, mean), "
                        + "%.0f triples/s (last epoch), %s, peak RSS %d MiB, peak heap %d MiB, load %s%n", tag,
                ctx.recorded.get("train.bestEpoch"), seconds.size(), trainSeconds, mean,
                ((Number) ctx.recorded.get("train.triplesPerSecond")).doubleValue(),
                Boolean.TRUE.equals(ctx.recorded.get("train.kernels"))
                        ? "kernel path (" + KernelTraining.defaultThreads() + " threads)" : "SameDiff path",
                PeakMemory.residentBytes() >> 20, PeakMemory.heapBytes() >> 20, loadAverage());
        System.out.printf("%s: epoch seconds %s; last epoch %.2f s in gradients, %.2f s in updates%n", tag, seconds,
                ((Number) ctx.recorded.get("train.lastEpochGradientSeconds")).doubleValue(),
                ((Number) ctx.recorded.get("train.lastEpochUpdateSeconds")).doubleValue());
        save(model, out, name);
    }

    static void report(String label, LooSampledEvaluator protocol, Recommender model, Split split) {
        int tied = 0;
        for (org.marketlens.api.data.EvalCase c : split.test()) {
            int[] items = new int[c.negatives().length + 1];
            items[0] = c.positives()[0];
            System.arraycopy(c.negatives(), 0, items, 1, c.negatives().length);
            float[] s = model.score(new org.marketlens.api.rec.Query(c.user(), c.group(), c.context()), items);
            for (int k = 1; k < s.length; k++) {
                if (s[k] == s[0]) {
                    tied++;
                    break;
                }
            }
        }
        System.out.printf("%s: %d of %d test cases have a negative tied with the test item (A-37)%n", label, tied,
                split.test().size());
        for (String ties : List.of("pessimistic", "optimistic")) {
            EvaluationResult test = protocol.evaluate(model, split.train(), split.test(), Map.of("ties", ties));
            System.out.printf("%s test (ties %s): HIT@10 %.4f NDCG@10 %.4f (%d cases)%n", label, ties,
                    test.mean("HIT@10"), test.mean("NDCG@10"), test.users().length);
        }
    }

    /** Writes {@code out/<name>.zip} atomically. */
    static void save(Recommender model, Path out, String name) {
        try {
            Path tmp = Files.createTempFile(out, name, ".tmp");
            try (OutputStream o = Files.newOutputStream(tmp)) {
                model.save(o);
            }
            Files.move(tmp, out.resolve(name + ".zip"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static Recommender load(ModelProvider provider, Path file) throws java.io.IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return provider.load(in);
        }
    }
}
