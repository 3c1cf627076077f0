package org.marketlens.model.mdr.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.data.playlists.PlaylistLoader;
import org.marketlens.eval.loosampled.LooSampledEvaluator;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RejectionSampler;
import org.marketlens.loss.bpr.BprLoss;
import org.marketlens.model.mdr.MdrProvider;

/**
 * Command, not a unit test: MDR with BPR on the AOTM-2011 subset under protocol 2 per playlist
 * ({@code config/experiments/protocols/aotm-protocol2.json}: dedupe group-item, playlists of at least 5 songs, per
 * playlist one test and one development song, 100 sampled negatives). Trains {@code EPOCHS} epochs without
 * validation (no early stopping, to keep real-data runs short on 2 cores) and prints the
 * seconds per epoch, triples per second, test HIT@10 / NDCG@10, the evaluation's seconds, the peak RSS and the load.
 * <pre>
 * java -cp &lt;test class path&gt; org.marketlens.model.mdr.bench.MdrAotm SHARED EPOCHS [TERMS] [DIM] [STEPS]
 * </pre>
 * {@code EPOCHS = 0} evaluates the initial model (the serving path's cost on this split). With {@code STEPS > 0} only that many training steps run after 21 untimed ones, and the time per step is
 * extrapolated to an epoch (no evaluation).
 * d = 64 (or DIM), λ = 1e-4, batch 256, 4 negatives per positive (uniform over the user's non-songs), Adam 0.001.
 * Training and serving take {@code MdrKernel} unless {@code -Dmarketlens.kernels=false}.
 */
public final class MdrAotm {
    private MdrAotm() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0], "data", "playlists-aotm2011-subset", "pick_playlist.txt");
        if (!Files.isRegularFile(file)) {
            System.out.println("SKIP: no AOTM subset at " + file);
            return;
        }
        int epochs = Integer.parseInt(args[1]);
        String terms = args.length > 2 ? args[2] : "ups";
        int dim = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        long t0 = System.nanoTime();
        Dataset ds = new PlaylistLoader().load(Map.of("path", file.toString(), "format", "aotm", "dedupe",
                "group-item", "minGroupSize", 5));
        Map<String, Object> protocol = Map.of("split", "playlist", "metrics", List.of("NDCG@10", "HIT@10"));
        LooSampledEvaluator evaluator = new LooSampledEvaluator();
        Split split = evaluator.split(ds, protocol, 2026);
        System.out.printf("data: %d users, %d songs, %d training interactions, %d test cases (%.1f s)%n",
                split.train().numUsers(), split.train().numItems(), split.train().size(), split.test().size(),
                (System.nanoTime() - t0) / 1e9);
        int steps = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        FixedTrainingContext plain = new FixedTrainingContext(2026, epochs, Math.max(1, epochs))
                .with(Loss.class, "BPR", new BprLoss()).with(NegativeSampler.class, "uniform", new RejectionSampler());
        StepClock ctx = new StepClock(plain, steps);
        long t1 = System.nanoTime();
        Recommender model = new MdrProvider().train(split.train(), Map.of("dim", dim, "lambda", 0.0001, "terms", terms,
                "learningRate", 0.001, "batchSize", 256, "negatives", 4), ctx);
        double trainSeconds = (System.nanoTime() - t1) / 1e9;
        if (steps > 0) {
            double perStep = (System.nanoTime() - ctx.start) / 1e6 / ctx.done;
            System.out.printf("MDR terms=%s d=%d: %d timed steps, %.2f ms per step = %.1f s per epoch of %d steps, "
                            + "%.0f triples/s, kernels %s; all %d steps: gradients %s s, Adam updates %s s; peak RSS %s,"
                            + " load average %.2f%n", terms, dim, ctx.done,
                    perStep, perStep * ctx.total / 1e3, ctx.total, 256 * 1e3 / perStep,
                    plain.recorded.get("train.kernels"), ctx.done + 21,
                    plain.recorded.get("train.lastEpochGradientSeconds"),
                    plain.recorded.get("train.lastEpochUpdateSeconds"), peakRss(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            return;
        }
        long t2 = System.nanoTime();
        EvaluationResult test = evaluator.evaluate(model, split.train(), split.test(), protocol);
        double evalSeconds = (System.nanoTime() - t2) / 1e9;
        System.out.printf("MDR terms=%s d=%d: epochs %s s (training %.1f s), triples/s %s, last epoch loss %s, "
                        + "kernels %s%n", terms, dim, plain.recorded.get("train.epochSeconds"), trainSeconds,
                plain.recorded.get("train.triplesPerSecond"), plain.recorded.get("train.lastEpochLoss"),
                plain.recorded.get("train.kernels"));
        System.out.printf("test after %d epochs: HIT@10 %.4f NDCG@10 %.4f (%d cases, evaluation %.1f s)%n", epochs,
                test.mean("HIT@10"), test.mean("NDCG@10"), split.test().size(), evalSeconds);
        System.out.printf("peak RSS %s, load average %.2f%n", peakRss(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The plain context, cancelled after 21 + {@code steps} steps when {@code steps > 0}. */
    private static final class StepClock implements TrainingContext {
        private final FixedTrainingContext plain;
        private final int steps;
        long start = System.nanoTime();
        long done;
        long total;

        StepClock(FixedTrainingContext plain, int steps) {
            this.plain = plain;
            this.steps = steps;
        }

        @Override
        public long seed() {
            return plain.seed();
        }

        @Override
        public int maxEpochs() {
            return plain.maxEpochs();
        }

        @Override
        public int patience() {
            return plain.patience();
        }

        @Override
        public OptionalDouble validate(Recommender candidate) {
            return OptionalDouble.empty();
        }

        @Override
        public <T> Optional<T> plugin(Class<T> type) {
            return plain.plugin(type);
        }

        @Override
        public <T> Optional<T> plugin(Class<T> type, String name) {
            return plain.plugin(type, name);
        }

        @Override
        public void progress(String stage, long doneSteps, long totalSteps) {
            total = totalSteps;
            if (doneSteps == 21) {
                start = System.nanoTime();
            } else if (doneSteps > 21) {
                done = doneSteps - 21;
            }
        }

        @Override
        public boolean cancelled() {
            return steps > 0 && done >= steps;
        }

        @Override
        public void record(String key, Object value) {
            plain.record(key, value);
        }
    }

    private static String peakRss() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return line.substring(6).trim();
            }
        }
        return "unknown";
    }
}
