package org.marketlens.model.caser.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.Split;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.data.ncf.NcfSplitLoader;
import org.marketlens.eval.loosampled.LooSampledEvaluator;
import org.marketlens.framework.nn.kernel.KernelTraining;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.StepTimer;
import org.marketlens.loss.bpr.BprLoss;
import org.marketlens.model.caser.CaserProvider;
import org.marketlens.sampler.uniform.UniformSampler;

/**
 * Command, not a unit test (issue 6): times Caser's BPR training steps on ml-100k-loo through the hand-written kernel
 * and through the SameDiff graph, back to back in one JVM (so at the same load), and prints ms per step, the seconds
 * per epoch that makes at this split's number of steps, triples per second, and the process's CPU time per step
 * (less dependent on the machine's load than the wall clock; it includes GC and JIT threads). The clock starts after
 * {@code warmup} untimed steps ({@link StepTimer}; JIT and graph set-up; progress arrives every 20 steps, so 1 plus
 * a multiple of 20).
 * <pre>
 * java -cp &lt;test class path&gt; org.marketlens.model.caser.bench.CaserSpeed SHARED KERNEL_STEPS GRAPH_STEPS [WARMUP]
 * </pre>
 * Hyper-parameters are the spec's (d = 64, L = 5, n_h = 16, n_v = 4, dropout 0.5, λ = 1e-4, batch 256, 4 negatives).
 */
public final class CaserSpeed {
    private CaserSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0], "data", "ml-100k-loo");
        if (!Files.isRegularFile(dir.resolve("ml100k.train.rating"))) {
            System.out.println("SKIP: no ml-100k-loo under " + dir);
            return;
        }
        int kernelSteps = Integer.parseInt(args[1]);
        int graphSteps = Integer.parseInt(args[2]);
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 21;
        Dataset ds = new NcfSplitLoader().load(Map.of("dir", dir.toString(), "prefix", "ml100k"));
        Split split = new LooSampledEvaluator().split(ds, Map.of(), 0);
        Map<String, Object> params = new LinkedHashMap<>(Map.of("dim", 64, "contextSize", 5, "horizontal", 16,
                "vertical", 4, "dropout", 0.5, "lambda", 0.0001));
        String previous = System.getProperty(KernelTraining.ENABLED);
        try {
            for (String path : new String[] {"kernel", "graph"}) {
                int steps = path.equals("kernel") ? kernelSteps : graphSteps;
                if (steps <= 0) {
                    continue;
                }
                System.setProperty(KernelTraining.ENABLED, Boolean.toString(path.equals("kernel")));
                StepTimer clock = new StepTimer(warmup, steps);
                FixedTrainingContext ctx = new FixedTrainingContext(1, 1, 1).with(Loss.class, "BPR", new BprLoss())
                        .with(NegativeSampler.class, "uniform", new UniformSampler())
                        .onProgress(clock).cancelWhen(clock::cancelled);
                new CaserProvider().train(split.train(), params, ctx);
                double perStep = clock.msPerStep();
                double cpuPerStep = clock.cpuMsPerStep();
                System.out.printf("Caser %s: %d timed steps, %.2f ms per step = %.1f s per epoch of %d steps, "
                                + "%.0f triples/s; process CPU %.2f ms per step = %.1f CPU s per epoch; kernel path %s, "
                                + "threads %d, load %.2f%n", path, clock.timedSteps(), perStep,
                        perStep * clock.stepsPerEpoch() / 1e3, clock.stepsPerEpoch(), 256 * 1e3 / perStep, cpuPerStep,
                        cpuPerStep * clock.stepsPerEpoch() / 1e3,
                        ctx.recorded.get("train.kernels"), KernelTraining.defaultThreads(),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        } finally {
            if (previous == null) {
                System.clearProperty(KernelTraining.ENABLED);
            } else {
                System.setProperty(KernelTraining.ENABLED, previous);
            }
        }
    }
}
