package org.marketlens.model.mdr.bench;

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
import org.marketlens.framework.testing.RejectionSampler;
import org.marketlens.framework.testing.StepTimer;
import org.marketlens.loss.bpr.BprLoss;
import org.marketlens.model.mdr.MdrProvider;

/**
 * Command, not a unit test: MDR with BPR on the AOTM-2011 subset under protocol 2 per playlist
 * ({@code config/experiments/protocols/aotm-protocol2.json}: dedupe group-item, playlists of at least 5 songs, per
 * playlist one test and one development song, 100 sampled negatives; loaded, split and evaluated by the framework's
 * {@link PlaylistBenchmark}). Trains {@code EPOCHS} epochs without
 * validation (no early stopping, to keep real-data runs short on 2 cores) and prints the
 * seconds per epoch, triples per second, test HIT@10 / NDCG@10, the evaluation's seconds, the peak RSS and the load.
 * <pre>
 * java -cp &lt;test class path&gt; org.marketlens.model.mdr.bench.MdrAotm SHARED EPOCHS [TERMS] [DIM] [STEPS]
 * </pre>
 * {@code EPOCHS = 0} evaluates the initial model (the serving path's cost on this split). With {@code STEPS > 0} only
 * that many training steps run after 21 untimed ones ({@link StepTimer}), and the time per step is extrapolated to an
 * epoch (no evaluation).
 * d = 64 (or DIM), λ = 1e-4, batch 256, 4 negatives per positive (uniform over the user's non-songs), Adam 0.001.
 * Training and serving take {@code MdrKernel} unless {@code -Dmarketlens.kernels=false}.
 */
public final class MdrAotm {
    private MdrAotm() {
    }

    public static void main(String[] args) throws Exception {
        Optional<PlaylistBenchmark> bench = PlaylistBenchmark.load(args[0], new PlaylistLoader(),
                new LooSampledEvaluator(), 2026, "SKIP: no AOTM subset at %s");
        if (bench.isEmpty()) {
            return;
        }
        int epochs = Integer.parseInt(args[1]);
        String terms = args.length > 2 ? args[2] : "ups";
        int dim = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        Split split = bench.get().split();
        System.out.printf("data: %d users, %d songs, %d training interactions, %d test cases (%.1f s)%n",
                split.train().numUsers(), split.train().numItems(), split.train().size(), split.test().size(),
                bench.get().loadSeconds());
        int steps = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        StepTimer clock = new StepTimer(21, steps);
        FixedTrainingContext ctx = new FixedTrainingContext(2026, epochs, Math.max(1, epochs))
                .with(Loss.class, "BPR", new BprLoss()).with(NegativeSampler.class, "uniform", new RejectionSampler())
                .onProgress(clock).cancelWhen(clock::cancelled);
        long t1 = System.nanoTime();
        Recommender model = new MdrProvider().train(split.train(), Map.of("dim", dim, "lambda", 0.0001, "terms", terms,
                "learningRate", 0.001, "batchSize", 256, "negatives", 4), ctx);
        double trainSeconds = (System.nanoTime() - t1) / 1e9;
        if (steps > 0) {
            double perStep = clock.msPerStep();
            System.out.printf("MDR terms=%s d=%d: %d timed steps, %.2f ms per step = %.1f s per epoch of %d steps, "
                            + "%.0f triples/s, kernels %s; all %d steps: gradients %s s, Adam updates %s s; peak RSS %s,"
                            + " load average %.2f%n", terms, dim, clock.timedSteps(),
                    perStep, perStep * clock.stepsPerEpoch() / 1e3, clock.stepsPerEpoch(), 256 * 1e3 / perStep,
                    ctx.recorded.get("train.kernels"), clock.timedSteps() + 21,
                    ctx.recorded.get("train.lastEpochGradientSeconds"),
                    ctx.recorded.get("train.lastEpochUpdateSeconds"), PlaylistBenchmark.peakRss(),
                    PlaylistBenchmark.loadAverage());
            return;
        }
        long t2 = System.nanoTime();
        EvaluationResult test = bench.get().test(model);
        double evalSeconds = (System.nanoTime() - t2) / 1e9;
        System.out.printf("MDR terms=%s d=%d: epochs %s s (training %.1f s), triples/s %s, last epoch loss %s, "
                        + "kernels %s%n", terms, dim, ctx.recorded.get("train.epochSeconds"), trainSeconds,
                ctx.recorded.get("train.triplesPerSecond"), ctx.recorded.get("train.lastEpochLoss"),
                ctx.recorded.get("train.kernels"));
        System.out.printf("test after %d epochs: HIT@10 %.4f NDCG@10 %.4f (%d cases, evaluation %.1f s)%n", epochs,
                test.mean("HIT@10"), test.mean("NDCG@10"), split.test().size(), evalSeconds);
        System.out.printf("peak RSS %s, load average %.2f%n", PlaylistBenchmark.peakRss(),
                PlaylistBenchmark.loadAverage());
    }
}
