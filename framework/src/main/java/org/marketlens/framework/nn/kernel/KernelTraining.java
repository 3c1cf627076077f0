package org.marketlens.framework.nn.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.marketlens.api.nn.DifferentiableModel;
import org.marketlens.api.nn.Loss;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One optimiser step of a {@link KernelModel} with a {@link ScoreGradientLoss} on plain float arrays, equal to the
 * SameDiff step of {@link org.marketlens.framework.nn.SameDiffTraining} (issue 6): the rows
 * {@code [positives; negatives]} of the batch's triples (users and context repeated, as the training graph's fused
 * call has them) are scored by {@link ScoreKernel.Worker}s on {@code T} threads, each on its own range of rows; the
 * loss gives the data term (MODELS.md §0.2, e.g. BPR's {@code mean softplus(neg − pos)}) and its score gradients;
 * the workers back-propagate them into their own gradient tensors; then one pass per element range sums the
 * workers' gradients, adds the gradient of the model's {@link ScoreKernel.RowPenalty} (MODELS.md A-6) and applies
 * Adam exactly as ND4J's {@code AdamUpdater} does ({@link AdamPass}), densely over every tensor as the SameDiff
 * path does (an embedding row outside the batch still has its moments decayed).
 * <p>
 * With a pool size {@code k > 1} ({@code negativePooling=hardest}, thanhdtran/SDMR {@code model_rec.py}) the batch
 * is groups of {@code k} consecutive triples of one positive: the loss's data term sees per group the positive row
 * of its first triple and its highest-scoring negative row (the first on ties), and its score gradients go back to
 * those two rows, every other row getting 0 (the subgradient of the max, as the graph's max has it). The row
 * penalty is over all the batch's triples, as without pooling.
 * <p>
 * The kernel path is on by default; {@code -Dmarketlens.kernels=false} forces the SameDiff path (A/B comparisons,
 * equivalence tests), and {@code -Dmarketlens.kernelThreads=T} sets the number of threads (default: the available
 * processors).
 */
public final class KernelTraining implements AutoCloseable {
    /** System property; {@code false} forces the SameDiff path for every model. */
    public static final String ENABLED = "marketlens.kernels";
    /** System property: the number of threads a kernel step runs on (default: the available processors). */
    public static final String THREADS = "marketlens.kernelThreads";

    private final ScoreGradientLoss loss;
    private final KernelParameters parameters;
    private final KernelParameters[] gradients;
    private final ScoreKernel.Worker[] workers;
    private final ScoreKernel.RowPenalty penalty;
    private final AdamPass adam;
    private final int threads;
    private final int maxTriples;
    private final ExecutorService pool;
    private final float[] scores;
    private final float[] scoreGradients;
    /** Triples per pooled group (1: none). */
    private final int poolSize;
    /** Pooled scores and their gradients ({@code 2g}), and the row each pooled score came from. */
    private final float[] pooledScores;
    private final float[] pooledGradients;
    private final int[] pooledRows;
    private long gradientNanos;
    private long updateNanos;

    /**
     * @param model        the model
     * @param loss         the loss's data term
     * @param start        the starting parameters (copied; {@link #copyTo} writes the trained values back)
     * @param learningRate Adam's learning rate
     * @param maxTriples   the most triples one step gets (the batch size)
     * @param threads      threads per step, at least 1
     */
    public KernelTraining(KernelModel model, ScoreGradientLoss loss, Map<String, INDArray> start, double learningRate,
            int maxTriples, int threads) {
        this(model, loss, start, learningRate, maxTriples, threads, 0L);
    }

    /**
     * @param seed seeds the workers' training-time randomness (dropout; {@link ScoreKernel#worker(KernelParameters,
     *             int, long)}): worker {@code t} gets the {@code t}-th value of a {@code SplittableRandom(seed)}
     * @since 0.2.0
     */
    public KernelTraining(KernelModel model, ScoreGradientLoss loss, Map<String, INDArray> start, double learningRate,
            int maxTriples, int threads, long seed) {
        this(model, loss, start, learningRate, maxTriples, threads, seed, 1);
    }

    /**
     * @param poolSize triples per group whose negatives the loss sees pooled (the max-scoring one), 1 for one loss
     *                 term per triple; {@code maxTriples} counts triples either way
     * @since 0.2.0
     */
    public KernelTraining(KernelModel model, ScoreGradientLoss loss, Map<String, INDArray> start, double learningRate,
            int maxTriples, int threads, long seed, int poolSize) {
        if (threads < 1 || maxTriples < 1 || poolSize < 1) {
            throw new IllegalArgumentException("threads and batch size must be >= 1");
        }
        ScoreKernel kernel = model.kernel();
        this.loss = loss;
        this.parameters = KernelParameters.copyOf(start);
        this.penalty = kernel.penalty();
        this.threads = threads;
        this.maxTriples = maxTriples;
        this.gradients = new KernelParameters[threads];
        this.workers = new ScoreKernel.Worker[threads];
        java.util.SplittableRandom seeds = new java.util.SplittableRandom(seed);
        for (int t = 0; t < threads; t++) {
            gradients[t] = parameters.zerosLike();
            workers[t] = kernel.worker(parameters, 2 * maxTriples, seeds.nextLong());
        }
        this.adam = new AdamPass(parameters, gradients, penalty, learningRate);
        this.scores = new float[2 * maxTriples];
        this.scoreGradients = new float[2 * maxTriples];
        this.poolSize = poolSize;
        this.pooledScores = poolSize == 1 ? null : new float[2 * maxTriples];
        this.pooledGradients = poolSize == 1 ? null : new float[2 * maxTriples];
        this.pooledRows = poolSize == 1 ? null : new int[2 * maxTriples];
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread thread = new Thread(r, "kernel-training");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @return whether the trainer takes the kernel path for this model and loss: the model has a kernel, the loss
     *         differentiates scores directly, and {@value #ENABLED} is not {@code false}
     */
    public static boolean applies(DifferentiableModel model, Loss loss) {
        return model instanceof KernelModel k && k.hasKernel() && loss instanceof ScoreGradientLoss && loss.pretrainWith().isEmpty()
                && enabled();
    }

    /** @return whether kernels are on: {@value #ENABLED} is not {@code false} (training and serving) */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(ENABLED, "true").trim());
    }

    /** @return the threads per step: {@value #THREADS}, or the available processors */
    public static int defaultThreads() {
        return Math.max(1, Integer.getInteger(THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Sets Adam's learning rate for the following steps (a step decay by epoch,
     * {@code NeuralSettings#learningRate(int)}); the bias correction still follows each step's iteration.
     *
     * @param learningRate the rate, positive
     */
    public void learningRate(double learningRate) {
        adam.learningRate(learningRate);
    }

    /**
     * One Adam step on a batch of triples.
     *
     * @param users     user per triple
     * @param positives positive item per triple
     * @param negatives negative item per triple
     * @param context   {@code n · s} context items per triple (row-major), or {@code null} for models without
     * @param mask      {@code n · s} context mask, or {@code null}
     * @param iteration the step's number from 0 (Adam's bias correction uses {@code iteration + 1})
     * @return the objective before the step: data term plus penalty
     */
    public double step(int[] users, int[] positives, int[] negatives, int[] context, float[] mask, int iteration) {
        return step(users, positives, negatives, context, mask, null, iteration);
    }

    /**
     * One Adam step on a batch of triples of a model that may use groups.
     *
     * @param groups    the group of each triple (its negative shares it), or {@code null} for models without
     * @return the objective before the step: data term plus penalty
     * @see #step(int[], int[], int[], int[], float[], int)
     */
    public double step(int[] users, int[] positives, int[] negatives, int[] context, float[] mask, int[] groups,
            int iteration) {
        int n = users.length;
        if (n > maxTriples || positives.length != n || negatives.length != n) {
            throw new IllegalArgumentException(n + " triples for a trainer of batch size " + maxTriples);
        }
        if (n % poolSize != 0) {
            throw new IllegalArgumentException(n + " triples are no whole groups of " + poolSize);
        }
        long t0 = System.nanoTime();
        KernelBatch batch = rows(users, positives, negatives, context, mask, groups);
        int rows = 2 * n;
        parallel(t -> workers[t].forward(batch, from(t, rows), from(t + 1, rows), scores));
        double data = poolSize == 1 ? loss.dataTerm(scores, n, scoreGradients) : pooledDataTerm(n);
        parallel(t -> workers[t].backward(batch, from(t, rows), from(t + 1, rows), scoreGradients, gradients[t]));
        long t1 = System.nanoTime();
        double objective = data + adam.rowPenalty(users, positives, negatives, context, mask,
                context == null ? 0 : context.length / n, groups);
        adam.prepare(iteration);
        parallel(adam::run);
        long t2 = System.nanoTime();
        gradientNanos += t1 - t0;
        updateNanos += t2 - t1;
        return objective;
    }

    /**
     * The loss on the {@code g = n / k} pooled pairs (each group's first positive row, its max-scoring negative row,
     * the first on ties), its gradients scattered back to those rows and 0 on every other row.
     */
    private double pooledDataTerm(int n) {
        int g = n / poolSize;
        for (int group = 0; group < g; group++) {
            int first = group * poolSize;
            int hardest = n + first;
            for (int r = hardest + 1; r < n + first + poolSize; r++) {
                if (scores[r] > scores[hardest]) {
                    hardest = r;
                }
            }
            pooledRows[group] = first;
            pooledRows[g + group] = hardest;
            pooledScores[group] = scores[first];
            pooledScores[g + group] = scores[hardest];
        }
        double data = loss.dataTerm(pooledScores, g, pooledGradients);
        java.util.Arrays.fill(scoreGradients, 0, 2 * n, 0f);
        for (int p = 0; p < 2 * g; p++) {
            scoreGradients[pooledRows[p]] = pooledGradients[p];
        }
        return data;
    }

    /** @return the rows {@code [positives; negatives]}, users and context repeated */
    private static KernelBatch rows(int[] users, int[] positives, int[] negatives, int[] context, float[] mask,
            int[] groups) {
        int n = users.length;
        int[] rowGroups = null;
        if (groups != null) {
            rowGroups = new int[2 * n];
            System.arraycopy(groups, 0, rowGroups, 0, n);
            System.arraycopy(groups, 0, rowGroups, n, n);
        }
        int[] rowUsers = new int[2 * n];
        int[] rowItems = new int[2 * n];
        System.arraycopy(users, 0, rowUsers, 0, n);
        System.arraycopy(users, 0, rowUsers, n, n);
        System.arraycopy(positives, 0, rowItems, 0, n);
        System.arraycopy(negatives, 0, rowItems, n, n);
        if (context == null) {
            return new KernelBatch(rowUsers, rowItems, 0, null, null, rowGroups);
        }
        int s = context.length / n;
        int[] rowContext = new int[2 * context.length];
        float[] rowMask = new float[2 * mask.length];
        System.arraycopy(context, 0, rowContext, 0, context.length);
        System.arraycopy(context, 0, rowContext, context.length, context.length);
        System.arraycopy(mask, 0, rowMask, 0, mask.length);
        System.arraycopy(mask, 0, rowMask, mask.length, mask.length);
        return new KernelBatch(rowUsers, rowItems, s, rowContext, rowMask, rowGroups);
    }

    /** @return the first of thread {@code t}'s rows (equal shares, contiguous) */
    private int from(int t, int rows) {
        return (int) ((long) rows * t / threads);
    }

    /** Runs {@code task(t)} for every thread {@code t}, task 0 on the calling thread, and waits for all. */
    private void parallel(IntConsumer task) {
        if (pool == null) {
            task.accept(0);
            return;
        }
        List<Future<?>> running = new ArrayList<>(threads - 1);
        for (int t = 1; t < threads; t++) {
            int thread = t;
            running.add(pool.submit(() -> task.accept(thread)));
        }
        RuntimeException failure = null;
        try {
            task.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted in a kernel step", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re
                            : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Writes the current parameters into the arrays of the same names (e.g. before a validation or checkpoint). */
    public void copyTo(Map<String, INDArray> arrays) {
        parameters.copyTo(arrays);
    }

    /** @return the live parameters (read-only use) */
    public KernelParameters parameters() {
        return parameters;
    }

    /** @return nanoseconds spent in forward, loss and backward passes since construction */
    public long gradientNanos() {
        return gradientNanos;
    }

    /** @return nanoseconds spent in the penalty and Adam passes since construction */
    public long updateNanos() {
        return updateNanos;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
