package org.marketlens.model.sdmr.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.Split;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.data.ncf.NcfSplitLoader;
import org.marketlens.eval.loosampled.LooSampledEvaluator;
import org.marketlens.loss.bpr.BprLoss;
import org.marketlens.sampler.uniform.UniformSampler;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;

/**
 * Where the time of a training step goes: runs {@code STEPS} BPR steps (batch 256) of a model on ml-100k-loo, once
 * plainly (wall time per step) and once with ND4J's op profiler (native op invocations per step and the profiler
 * dashboard). {@code java [-Dwarmup=W] -cp <test class path> org.marketlens.model.sdmr.bench.StepProfile SHARED MODEL STEPS
 * [k=v ...]}: the clock starts after {@code W} untimed steps (default 1, the graph set-up), so the JIT-cold first
 * hundreds of steps, which on a loaded machine cost several times a warm step, need not count
 * (progress arrives every 20 steps, so W is 1 plus a multiple of 20, e.g. 201).
 */
public final class StepProfile {
    private StepProfile() {
    }

    public static void main(String[] args) throws java.io.IOException {
        Path dir = Path.of(args[0], "data", "ml-100k-loo");
        String name = args[1];
        int steps = Integer.parseInt(args[2]);
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            params.put(kv[0], Integer.valueOf(kv[1]));
        }
        Dataset ds = new NcfSplitLoader().load(Map.of("dir", dir.toString(), "prefix", "ml100k"));
        Split split = new LooSampledEvaluator().split(ds, Map.of(), 0);
        for (boolean profiled : new boolean[] {false, true}) {
            if (profiled) {
                Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
                OpProfiler.getInstance().reset();
            }
            StopAfter ctx = new StopAfter(steps, Integer.getInteger("warmup", 1));
            BenchModels.provider(name, null).train(split.train(), params, ctx);
            double perStep = (System.nanoTime() - ctx.start) / 1e6 / ctx.done;
            System.out.printf("%s%s: %d steps, %.1f ms per step%s, load %s%n", name, params, ctx.done, perStep,
                    profiled ? String.format(", %.0f native op calls per step",
                            OpProfiler.getInstance().getInvocationsCount() / (double) (ctx.done + ctx.warmup)) : "",
                    SignedDistanceBenchmark.loadAverage());
            if (profiled) {
                OpProfiler.getInstance().printOutDashboard();
                Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
            }
        }
    }

    /** Cancels the epoch after a number of steps (progress arrives every 20 steps). */
    static final class StopAfter implements TrainingContext {
        private final int steps;
        long start = System.nanoTime();
        long done;
        private final Map<String, Object> plugins = Map.of(Loss.class.getName(), new BprLoss(),
                NegativeSampler.class.getName(), new UniformSampler());

        private final int warmup;

        StopAfter(int steps, int warmup) {
            this.steps = steps;
            this.warmup = warmup;
        }

        public long seed() {
            return 1;
        }

        public int maxEpochs() {
            return 1;
        }

        public int patience() {
            return 1;
        }

        public OptionalDouble validate(Recommender candidate) {
            return OptionalDouble.empty();
        }

        public <T> Optional<T> plugin(Class<T> type) {
            return Optional.ofNullable(type.cast(plugins.get(type.getName())));
        }

        public <T> Optional<T> plugin(Class<T> type, String name) {
            return Optional.empty();
        }

        public void progress(String stage, long done, long total) {
            if (done == warmup) {
                start = System.nanoTime(); // the first step includes graph set-up, later ones JIT warm-up
            } else if (done > warmup) {
                this.done = done - warmup;
            }
        }

        public boolean cancelled() {
            return done >= steps;
        }

        public void record(String key, Object value) {
        }
    }
}
