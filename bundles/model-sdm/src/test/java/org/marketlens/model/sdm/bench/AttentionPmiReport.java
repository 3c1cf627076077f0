package org.marketlens.model.sdm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.nn.AttentionWeights;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.data.ncf.NcfSplitLoader;
import org.marketlens.eval.loosampled.LooSampledEvaluator;
import org.marketlens.framework.cooccurrence.CooccurrenceCounts;
import org.marketlens.framework.cooccurrence.Pmi;
import org.marketlens.framework.cooccurrence.SparseRows;
import org.marketlens.framework.stats.AttentionPmiCorrelation;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.loss.bpr.BprLoss;
import org.marketlens.model.sdm.SdmProvider;
import org.marketlens.sampler.uniform.UniformSampler;

/**
 * Figure 5.6 as a command, not a unit test: trains SDM on the published ml-100k-loo split (BPR, 4 uniform negatives,
 * batch 256, Adam 0.001, d = 64, s = 5; MODELS.md §4.8) for at most EPOCHS epochs, keeping the epoch with the best
 * validation NDCG@10, then correlates its attention weight {@code a^(h)_jk} on every (test item j, context
 * item k) pair of the test cases with {@code PMI(j, k)} (Eq. 5.23) of the users' training sets (co-occurrence as in
 * MODELS.md §2.4), per hop, through {@link AttentionWeights} and {@link AttentionPmiCorrelation}. Writes
 * {@code OUTDIR/attention-pmi-h<H>.md}. Run from the repository root:
 * <pre>
 * java -cp &lt;model-sdm test class path&gt; org.marketlens.model.sdm.bench.AttentionPmiReport SHARED EPOCHS OUTDIR [hops=4] [patience=2] [snapshot=FILE]
 * </pre>
 * SHARED is the folder holding {@code data/ml-100k-loo} (e.g. {@code ../shared}). With {@code snapshot=FILE} (an SDM
 * saved by this class, by {@code SignedDistanceBenchmark} or by {@code marketlens run}) nothing is trained: that
 * model is loaded and analysed (EPOCHS and the hops option are then ignored; the snapshot's own hops are used).
 */
public final class AttentionPmiReport {
    private AttentionPmiReport() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0], "data", "ml-100k-loo");
        if (!Files.isRegularFile(dir.resolve("ml100k.train.rating"))) {
            System.out.println("ml-100k-loo absent under " + dir + ": skipped");
            return;
        }
        int epochs = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        Map<String, String> options = new LinkedHashMap<>(Map.of("hops", "4", "patience", "2", "snapshot", ""));
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], kv[1]);
        }
        int hops = Integer.parseInt(options.get("hops"));
        LooSampledEvaluator protocol = new LooSampledEvaluator();
        Dataset ds = new NcfSplitLoader().load(Map.of("dir", dir.toString(), "prefix", "ml100k"));
        Split split = protocol.split(ds, Map.of(), 0);
        long[] epochStart = {System.nanoTime()};
        int[] epoch = {0};
        FixedTrainingContext ctx = new FixedTrainingContext(1, epochs, Integer.parseInt(options.get("patience")))
                .with(Loss.class, "BPR", new BprLoss()).with(NegativeSampler.class, "uniform", new UniformSampler())
                .validation(r -> {
                    double v = protocol.evaluate(r, split.train(), split.validation(), Map.of()).mean("NDCG@10");
                    System.out.printf(Locale.ROOT, "SDM-%d epoch %d: %.1f s with validation, validation NDCG@10 %.4f,"
                            + " load %s%n", hops, ++epoch[0], (System.nanoTime() - epochStart[0]) / 1e9, v, load());
                    epochStart[0] = System.nanoTime();
                    return OptionalDouble.of(v);
                });
        long t0 = System.nanoTime();
        Recommender model;
        String source;
        if (options.get("snapshot").isEmpty()) {
            model = new SdmProvider().train(split.train(), Map.of("dim", 64, "hops", hops, "contextSize", 5), ctx);
            source = "trained here";
        } else {
            try (java.io.InputStream in = Files.newInputStream(Path.of(options.get("snapshot")))) {
                model = new SdmProvider().load(in);
            }
            source = "loaded from " + options.get("snapshot");
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        EvaluationResult test = protocol.evaluate(model, split.train(), split.test(), Map.of());
        Pmi pmi = Pmi.of(CooccurrenceCounts.of(userSets(split.train()), 0, 0));
        long t1 = System.nanoTime();
        AttentionPmiCorrelation.Result r = AttentionPmiCorrelation.of((AttentionWeights) model, pmi, split.test());
        double exportSeconds = (System.nanoTime() - t1) / 1e9;
        @SuppressWarnings("unchecked")
        List<Double> seconds = (List<Double>) ctx.recorded.get("train.epochSeconds");
        int analysed = r.hops();
        String training = seconds == null ? "" : String.format(Locale.ROOT,
                " Trained %d epoch(s), best on validation: epoch %s; %.1f s in all, %.1f s/epoch of training steps.",
                seconds.size(), ctx.recorded.get("train.bestEpoch"), trainSeconds,
                seconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
        String md = String.format(Locale.ROOT, "## Attention vs PMI (Figure 5.6), SDM-%d on ml-100k-loo%n%n"
                        + "Model %s.%s Test HIT@10 %.4f, NDCG@10 %.4f (%d cases). Pairs: each test item j with each of "
                        + "its context items k (the s = 5 latest training items); PMI of the users' training sets "
                        + "(Eq. 5.23, %.0f co-occurrence pairs). Attention export took %.1f s. Load average at the end: "
                        + "%s.%n%n%s",
                analysed, source, training, test.mean("HIT@10"), test.mean("NDCG@10"), test.users().length,
                pmi.pairs(), exportSeconds, load(), r.markdown());
        System.out.println(md);
        Files.createDirectories(out);
        Path tmp = Files.createTempFile(out, "attention-pmi", ".tmp");
        Files.writeString(tmp, md);
        Files.move(tmp, out.resolve("attention-pmi-h" + analysed + ".md"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** @return user × item 0/1 rows of the training sets: the groups of the co-occurrence counts (§2.4) */
    static SparseRows userSets(InteractionData train) {
        int[][] members = new int[train.numUsers()][];
        for (int u = 0; u < train.numUsers(); u++) {
            members[u] = train.itemsOf(u);
        }
        return SparseRows.ofSets(train.numItems(), members);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
