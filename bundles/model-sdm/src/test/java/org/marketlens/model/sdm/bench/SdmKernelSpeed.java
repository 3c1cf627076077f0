package org.marketlens.model.sdm.bench;

import java.util.SplittableRandom;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.model.sdm.SdmKernelBench;

/**
 * Time of one forward + backward pass of SDM's kernel over a training step's rows, without the trainer: ml-100k's
 * sizes (943 users, 1682 items), batch 256 triples as {@code [positives; negatives]} = 512 rows, s = 5, d = 64,
 * random indices, on one thread. Arguments: {@code [hops] [steps] [dropout]} (default 3, 2000, 0; the first half is
 * warm-up); a dropout rate above 0 times a training worker, which draws and applies its masks.
 * Run with the test class path of {@code bundles/model-sdm}.
 */
public final class SdmKernelSpeed {
    private SdmKernelSpeed() {
    }

    public static void main(String[] args) {
        int hops = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        double dropout = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        int users = 943;
        int items = 1682;
        int triples = 256;
        int s = 5;
        KernelModel model = SdmKernelBench.model(users, items, 64, hops, s, dropout);
        KernelParameters parameters = SdmKernelBench.initialParameters(model, 1);
        KernelParameters gradients = parameters.zerosLike();
        ScoreKernel.Worker worker = model.kernel().worker(parameters, 2 * triples, 3);
        SplittableRandom random = new SplittableRandom(2);
        int rows = 2 * triples;
        float[] scores = new float[rows];
        float[] dScores = new float[rows];
        long timed = 0;
        long cpu = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int step = 0; step < steps; step++) {
            int[] u = new int[rows];
            int[] it = new int[rows];
            int[] context = new int[rows * s];
            float[] mask = new float[rows * s];
            for (int t = 0; t < triples; t++) {
                u[t] = u[t + triples] = random.nextInt(users);
                it[t] = random.nextInt(items);
                it[t + triples] = random.nextInt(items);
                for (int k = 0; k < s; k++) {
                    context[t * s + k] = context[(t + triples) * s + k] = random.nextInt(items);
                    mask[t * s + k] = mask[(t + triples) * s + k] = 1f;
                }
                dScores[t] = -0.5f / triples;
                dScores[t + triples] = 0.5f / triples;
            }
            KernelBatch batch = new KernelBatch(u, it, s, context, mask);
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            worker.forward(batch, 0, rows, scores);
            worker.backward(batch, 0, rows, dScores, gradients);
            long took = System.nanoTime() - start;
            if (step >= steps / 2) {
                timed += took;
                cpu += threads.getCurrentThreadCpuTime() - cpuStart;
            }
        }
        double ms = timed / 1e6 / (steps - steps / 2);
        System.out.printf("SDM kernel, %d hops, dropout %s, 512 rows, one thread: %.2f ms wall, %.2f ms CPU per"
                + " forward+backward (%d timed steps)%n", hops, dropout, ms, cpu / 1e6 / (steps - steps / 2),
                steps - steps / 2);
    }
}
