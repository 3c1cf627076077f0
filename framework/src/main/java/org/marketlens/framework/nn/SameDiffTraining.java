package org.marketlens.framework.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.DifferentiableModel;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.marketlens.framework.nn.kernel.KernelTraining;
import org.marketlens.framework.nn.kernel.ScoreGradientLoss;
import org.marketlens.framework.train.ContextWindows;
import org.marketlens.framework.train.EarlyStopping;
import org.marketlens.framework.train.TripleBatches;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * Mini-batch training of a {@link DifferentiableModel} with the experiment's loss and negative sampler: Adam on
 * every parameter, one validation per epoch, early stopping, and the best checkpoint kept (MODELS.md §3.7, §3.8
 * step 1–4, §4.8). A loss that names a pre-training loss (APR) first trains with that loss to its best
 * checkpoint and then continues from there.
 * <p>
 * A {@link KernelModel} trained with a {@link ScoreGradientLoss} (BPR) takes the same loop with its hand-written
 * kernel instead of the SameDiff graph ({@link KernelTraining}, issue 6); {@code -Dmarketlens.kernels=false} forces
 * the graph.
 * <p>
 * The learning rate follows {@link NeuralSettings#learningRate(int)} (fixed by default; a step decay with
 * {@code learningRateDecay < 1}) in both paths. Its epoch count is the epoch within a stage, from 0: each stage
 * (pre-training, then the loss itself; or a training that starts from given parameters) starts with fresh Adam
 * moments, iteration 0 and the full rate, as the stage's own early stopping counts its epochs from 0.
 */
public final class SameDiffTraining {
    private static final int PROGRESS_EVERY = 20;

    private SameDiffTraining() {
    }

    /**
     * @param modelName model name for messages
     * @param model     the model
     * @param train     training data
     * @param settings  optimiser settings
     * @param ctx       the training context (loss, sampler, validation, seed, epochs)
     * @param serving   makes a recommender from parameter arrays (used for validation and the result)
     * @return the parameters of the best validation epoch (the last epoch's when there is no validation)
     */
    public static Map<String, INDArray> train(String modelName, DifferentiableModel model, InteractionData train,
            NeuralSettings settings, TrainingContext ctx, Function<Map<String, INDArray>, Recommender> serving) {
        return train(modelName, model, null, train, settings, ctx, serving);
    }

    /**
     * Trains from given starting parameters instead of the model's initialisation, e.g. NeuMF++ from its pre-trained
     * GMF and MLP parts. The random streams are split exactly as without a start, so sampling does not depend on it.
     *
     * @param start starting value of every parameter the model declares (copied, not changed), or {@code null} for
     *              the model's own initialisation
     * @return the parameters of the best validation epoch (the last epoch's when there is no validation)
     * @since 0.2.0
     */
    public static Map<String, INDArray> train(String modelName, DifferentiableModel model, Map<String, INDArray> start,
            InteractionData train, NeuralSettings settings, TrainingContext ctx,
            Function<Map<String, INDArray>, Recommender> serving) {
        Nd4jRuntime.ensureLoaded();
        if (model.usesGroups() && !train.hasGroups()) {
            throw new IllegalArgumentException(modelName + " needs grouped data (playlists); the training data has"
                    + " no groups (load a dataset with groups, e.g. format aotm of \"playlists\")");
        }
        Loss loss = ctx.plugin(Loss.class).orElseThrow(() -> new IllegalArgumentException(
                modelName + " is trained with a loss; name one in the experiment, e.g. \"loss\": \"BPR\""));
        NegativeSampler sampler = ctx.plugin(NegativeSampler.class).orElseThrow(() -> new IllegalArgumentException(
                modelName + " needs a negative sampler; name one in the experiment, e.g. \"sampler\": \"uniform\""));
        SplittableRandom random = new SplittableRandom(ctx.seed());
        Map<String, INDArray> parameters = TrainingGraph.initialParameters(model, random.split());
        if (start != null) {
            parameters = startingPoint(modelName, parameters, start);
        }
        if (loss.pretrainWith().isPresent()) {
            String first = loss.pretrainWith().get();
            Loss pretraining = ctx.plugin(Loss.class, first).orElseThrow(() -> new IllegalArgumentException(
                    "the loss pre-trains with '" + first + "', which is not registered"));
            parameters = run("pretrain " + first, model, parameters, pretraining, sampler, train, settings, ctx,
                    serving, random.split(), false);
            return run("train", model, parameters, loss, sampler, train, settings, ctx, serving, random.split(), true);
        }
        return run("train", model, parameters, loss, sampler, train, settings, ctx, serving, random.split(), false);
    }

    private static Map<String, INDArray> run(String stage, DifferentiableModel model, Map<String, INDArray> start,
            Loss loss, NegativeSampler sampler, InteractionData train, NeuralSettings settings, TrainingContext ctx,
            Function<Map<String, INDArray>, Recommender> serving, SplittableRandom random, boolean startIsCheckpoint) {
        Map<String, INDArray> live = new LinkedHashMap<>();
        start.forEach((k, v) -> live.put(k, v.dup()));
        // The per-batch work: a model's hand-written kernel where it has one and the loss differentiates scores
        // directly (BPR), else the SameDiff graph (issue 6; -Dmarketlens.kernels=false forces the graph).
        Step step = KernelTraining.applies(model, loss)
                ? new KernelStep(new KernelTraining((KernelModel) model, (ScoreGradientLoss) loss, live,
                        settings.learningRate(), settings.triplesPerBatch(), KernelTraining.defaultThreads(),
                        kernelSeed(ctx.seed(), stage), settings.poolSize()), live, settings)
                : new GraphStep(model, live, loss, settings);
        ctx.record(stage + ".kernels", step instanceof KernelStep);
        try {
            return epochs(stage, model, live, step, sampler, train, settings, ctx, serving, random, startIsCheckpoint);
        } finally {
            step.close();
        }
    }

    private static Map<String, INDArray> epochs(String stage, DifferentiableModel model, Map<String, INDArray> live,
            Step step, NegativeSampler sampler, InteractionData train, NeuralSettings settings, TrainingContext ctx,
            Function<Map<String, INDArray>, Recommender> serving, SplittableRandom random, boolean startIsCheckpoint) {
        // A model with context trains only on instances with at least one context item (MODELS.md A-39).
        ContextWindows windows = model.contextSize() > 0 ? new ContextWindows(model.contextSize()) : null;
        boolean groups = model.usesGroups();
        // negativePooling=hardest: a batch is batchSize positives, each with its negatives as consecutive triples.
        TripleBatches batches = new TripleBatches(train, sampler, settings.negatives(), settings.batchSize(),
                windows == null ? null : windows.instancesWithContext(train), settings.poolSize() > 1);
        EarlyStopping stopping = new EarlyStopping(ctx.patience());
        Map<String, INDArray> best = live;
        if (startIsCheckpoint) {
            // The pre-trained checkpoint competes as epoch 0: the best development checkpoint over the whole
            // procedure is kept (MODELS.md §3.8 steps 1 and 4), so continuing never ends below the starting point.
            OptionalDouble start0 = ctx.validate(serving.apply(live));
            if (start0.isPresent() && stopping.record(-1, start0.getAsDouble())) {
                best = copy(live);
            }
        }
        int[] iteration = {0};
        long[] nanos = new long[2]; // [0] loss hook + gradients, [1] optimiser updates
        List<Double> epochSeconds = new java.util.ArrayList<>();
        for (int epoch = 0; epoch < ctx.maxEpochs() && !ctx.cancelled(); epoch++) {
            String label = stage + " epoch " + (epoch + 1) + "/" + ctx.maxEpochs();
            int total = batches.batchesPerEpoch();
            int epochNumber = epoch;
            double[] lossSum = {0};
            long epochStart = System.nanoTime();
            batches.epochOfInstances(random.split(), (users, positives, negatives, interactions, index) -> {
                int[] context = null;
                float[] mask = null;
                if (windows != null) {
                    int s = windows.size();
                    context = new int[users.length * s];
                    mask = new float[users.length * s];
                    for (int b = 0; b < users.length; b++) {
                        windows.fillTraining(train, users[b], interactions[b], context, mask, b);
                    }
                }
                int[] groupOf = null;
                if (groups) {
                    // A triple's negative shares its positive's group (MODELS.md §3.7).
                    groupOf = new int[users.length];
                    for (int b = 0; b < users.length; b++) {
                        groupOf[b] = train.group(interactions[b]);
                        if (groupOf[b] == InteractionData.NO_GROUP) {
                            throw new IllegalArgumentException("interaction " + interactions[b] + " of user "
                                    + users[b] + " has no group, but the model reads the group of every triple");
                        }
                    }
                }
                lossSum[0] += step.run(users, positives, negatives, context, mask, groupOf, iteration[0],
                        epochNumber, nanos);
                iteration[0]++;
                if (index % PROGRESS_EVERY == 0 || index == total - 1) {
                    ctx.progress(label, index + 1, total);
                }
                return !ctx.cancelled();
            });
            step.sync();
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            epochSeconds.add(seconds);
            ctx.record(stage + ".epochSeconds", List.copyOf(epochSeconds));
            ctx.record(stage + ".triplesPerSecond", batches.triplesPerEpoch() / seconds);
            ctx.record(stage + ".lastEpochLoss", lossSum[0] / total);
            // Where an epoch's time goes: forward+backward (SameDiff with the loss's hook, or the kernel), Adam, and
            // the rest (sampling, batch and context arrays, feeding).
            ctx.record(stage + ".lastEpochGradientSeconds", nanos[0] / 1e9);
            ctx.record(stage + ".lastEpochUpdateSeconds", nanos[1] / 1e9);
            nanos[0] = 0;
            nanos[1] = 0;
            OptionalDouble validation = ctx.validate(serving.apply(live));
            if (validation.isEmpty()) {
                best = live;
                continue;
            }
            if (stopping.record(epoch, validation.getAsDouble())) {
                best = copy(live);
            }
            if (stopping.shouldStop()) {
                break;
            }
        }
        ctx.record(stage + ".bestEpoch", stopping.bestEpoch() + 1);
        ctx.record(stage + ".bestValidation", stopping.best());
        return best == live ? copy(live) : best;
    }

    /** One optimiser step on a batch: the SameDiff graph's or a kernel's (issue 6). */
    private interface Step extends AutoCloseable {
        /**
         * @param context   {@code n · s} context items of the triples, or {@code null} for models without context
         * @param mask      {@code n · s} context mask, or {@code null}
         * @param groups    the group of each triple, or {@code null} for models that use no groups
         * @param nanos     adds the time of [0] the gradients (with the loss's hook) and [1] the optimiser update
         * @return the objective on the batch before the step
         */
        double run(int[] users, int[] positives, int[] negatives, int[] context, float[] mask, int[] groups,
                int iteration, int epoch, long[] nanos);

        /** Brings the trainer's parameter arrays up to date (before a validation or checkpoint). */
        void sync();

        @Override
        void close();
    }

    /**
     * The SameDiff path: the (model, loss) graph's gradients and ND4J's Adam on the graph's own arrays; a decaying
     * rate is Adam's {@link StepSchedule} by epoch, which ND4J reads from {@code applyUpdater}'s epoch.
     */
    private static final class GraphStep implements Step {
        private final TrainingGraph graph;
        private final Loss loss;
        private final Map<String, INDArray> live;
        private final List<String> names;
        private final Map<String, GradientUpdater<?>> updaters;
        private final int contextSize;

        GraphStep(DifferentiableModel model, Map<String, INDArray> live, Loss loss, NeuralSettings settings) {
            this.graph = new TrainingGraph(model, live, loss, settings.poolSize());
            this.loss = loss;
            this.live = live;
            this.names = List.copyOf(live.keySet());
            this.updaters = adam(live, settings);
            this.contextSize = model.contextSize();
        }

        @Override
        public double run(int[] users, int[] positives, int[] negatives, int[] context, float[] mask, int[] groups,
                int iteration, int epoch, long[] nanos) {
            graph.feed(users, positives, negatives,
                    context == null ? null : Nd4j.createFromArray(context).reshape(users.length, contextSize),
                    mask == null ? null : Nd4j.createFromArray(mask).reshape(users.length, contextSize), groups);
            long t0 = System.nanoTime();
            loss.beforeStep(graph);
            OutAndGrad step = graph.sameDiff().calculateGradientsAndOutputs(graph.currentFeed(),
                    List.of(graph.objectiveName()), names);
            double objective = step.getOutputs().get(graph.objectiveName()).getDouble(0);
            long t1 = System.nanoTime();
            for (String name : names) {
                INDArray gradient = step.getGradients().get(name);
                updaters.get(name).applyUpdater(gradient, iteration, epoch);
                live.get(name).subi(gradient);
            }
            nanos[0] += t1 - t0;
            nanos[1] += System.nanoTime() - t1;
            return objective;
        }

        @Override
        public void sync() {
            // The graph's arrays are the trainer's (TrainingGraph rebinds the map).
        }

        @Override
        public void close() {
        }
    }

    /**
     * The kernel path: {@link KernelTraining} on float copies, written back to the trainer's arrays on sync; a
     * decaying rate is set per step from {@link NeuralSettings#learningRate(int)}.
     */
    private static final class KernelStep implements Step {
        private final KernelTraining kernel;
        private final Map<String, INDArray> live;
        private final NeuralSettings settings;

        KernelStep(KernelTraining kernel, Map<String, INDArray> live, NeuralSettings settings) {
            this.kernel = kernel;
            this.live = live;
            this.settings = settings;
        }

        @Override
        public double run(int[] users, int[] positives, int[] negatives, int[] context, float[] mask, int[] groups,
                int iteration, int epoch, long[] nanos) {
            long gradient = kernel.gradientNanos();
            long update = kernel.updateNanos();
            if (settings.decays()) {
                kernel.learningRate(settings.learningRate(epoch));
            }
            double objective = kernel.step(users, positives, negatives, context, mask, groups, iteration);
            nanos[0] += kernel.gradientNanos() - gradient;
            nanos[1] += kernel.updateNanos() - update;
            return objective;
        }

        @Override
        public void sync() {
            kernel.copyTo(live);
        }

        @Override
        public void close() {
            kernel.close();
        }
    }

    /**
     * @return the seed of a kernel step's training-time randomness (dropout), from the experiment's seed and the
     *         stage without drawing from the trainer's streams, so sampling stays as it was for every model
     */
    private static long kernelSeed(long seed, String stage) {
        return new SplittableRandom(seed ^ 0x6b65726e656c73L).nextLong() + stage.hashCode();
    }

    /** @return {@code start}, checked to hold exactly the declared parameters with their shapes */
    private static Map<String, INDArray> startingPoint(String modelName, Map<String, INDArray> declared,
            Map<String, INDArray> start) {
        if (!start.keySet().equals(declared.keySet())) {
            throw new IllegalArgumentException(modelName + ": starting parameters " + start.keySet()
                    + " differ from the declared " + declared.keySet());
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        declared.forEach((name, init) -> {
            INDArray given = start.get(name);
            if (!java.util.Arrays.equals(given.shape(), init.shape())) {
                throw new IllegalArgumentException(modelName + ": starting value of " + name + " has shape "
                        + java.util.Arrays.toString(given.shape()) + ", declared "
                        + java.util.Arrays.toString(init.shape()));
            }
            out.put(name, given.castTo(init.dataType()));
        });
        return out;
    }

    /**
     * @return an Adam updater per parameter: the fixed rate as before, or with a decay ND4J's step schedule by
     *         epoch, {@code lr · γ^floor(epoch / every)}, the same double as {@link NeuralSettings#learningRate(int)}
     */
    private static Map<String, GradientUpdater<?>> adam(Map<String, INDArray> parameters, NeuralSettings settings) {
        Adam config = settings.decays()
                ? new Adam(new StepSchedule(ScheduleType.EPOCH, settings.learningRate(),
                        settings.learningRateDecay(), settings.learningRateDecayEvery()))
                : new Adam(settings.learningRate());
        Map<String, GradientUpdater<?>> out = new LinkedHashMap<>();
        parameters.forEach((name, array) -> {
            Map<String, INDArray> state = new LinkedHashMap<>();
            state.put(AdamUpdater.M_STATE, array.ulike().assign(0));
            state.put(AdamUpdater.V_STATE, array.ulike().assign(0));
            out.put(name, config.instantiate(state, true));
        });
        return out;
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> parameters) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        parameters.forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }
}
