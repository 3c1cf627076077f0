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
import org.marketlens.framework.nn.kernel.KernelTraining;
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
 * <p>
 * {@code -Dpaths=kernel,graph} (the default) times both training paths back to back in one JVM, so at the same load:
 * the model's hand-written kernel ({@code KernelTraining}, issue 6) and the SameDiff graph
 * ({@code marketlens.kernels=false}); each prints ms per step, the seconds per epoch that makes at this data's
 * number of steps, and triples per second. {@code -Dprofile=false} skips the op-profiled passes.
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
            params.put(kv[0], kv[1].matches("-?[0-9]+") ? (Object) Integer.valueOf(kv[1])
                    : kv[1].matches("-?[0-9.eE-]+") ? (Object) Double.valueOf(kv[1]) : kv[1]);
        }
        Dataset ds = new NcfSplitLoader().load(Map.of("dir", dir.toString(), "prefix", "ml100k"));
        Split split = new LooSampledEvaluator().split(ds, Map.of(), 0);
        int batch = ((Number) params.getOrDefault("batchSize", 256)).intValue();
        long triples = (long) split.train().size() * ((Number) params.getOrDefault("negatives", 4)).intValue();
        long stepsPerEpoch = (triples + batch - 1) / batch; // SDM/SDMR train on fewer instances: an upper bound
        String previous = System.getProperty(KernelTraining.ENABLED);
        try {
            for (String path : System.getProperty("paths", "kernel,graph").split(",")) {
                System.setProperty(KernelTraining.ENABLED, Boolean.toString(path.trim().equals("kernel")));
                for (boolean profiled : Boolean.parseBoolean(System.getProperty("profile", "true"))
                        ? new boolean[] {false, true} : new boolean[] {false}) {
                    run(name, params, split, steps, profiled, path.trim(), stepsPerEpoch, batch);
                }
            }
        } finally {
            if (previous == null) {
                System.clearProperty(KernelTraining.ENABLED);
            } else {
                System.setProperty(KernelTraining.ENABLED, previous);
            }
        }
    }

    private static void run(String name, Map<String, Object> params, Split split, int steps, boolean profiled,
            String path, long stepsPerEpoch, int batch) {
        if (profiled) {
            Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
            OpProfiler.getInstance().reset();
        }
        StopAfter ctx = new StopAfter(steps, Integer.getInteger("warmup", 1));
        BenchModels.provider(name, null).train(split.train(), params, ctx);
        double perStep = (System.nanoTime() - ctx.start) / 1e6 / ctx.done;
        System.out.printf("%s%s %s%s: %d steps, %.2f ms per step = %.2f s per epoch of %d steps, %.0f triples/s%s, "
                        + "kernel path %s, threads %d, load %s%n", name, params, path, profiled ? " (profiled)" : "",
                ctx.done, perStep, perStep * stepsPerEpoch / 1e3, stepsPerEpoch, batch * 1e3 / perStep,
                profiled ? String.format(", %.0f native op calls per step",
                        OpProfiler.getInstance().getInvocationsCount() / (double) (ctx.done + ctx.warmup)) : "",
                ctx.recorded.get("train.kernels"), KernelTraining.defaultThreads(), SignedDistanceBenchmark.loadAverage());
        if (profiled) {
            if (Boolean.getBoolean("dashboard")) {
                OpProfiler.getInstance().printOutDashboard();
            }
            Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
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
        final Map<String, Object> recorded = new java.util.HashMap<>();

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
            recorded.put(key, value);
        }
    }
}
