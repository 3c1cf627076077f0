package org.marketlens.framework.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.DifferentiableModel;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.KernelTraining;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RejectionSampler;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Compares a model's {@link ScoreKernel} with its SameDiff score graph, the reference: scores, and the gradient of
 * {@code Σ_r w_r · score_r} for random weights {@code w} with respect to every parameter. Used by every kernel's
 * tests; the rows are scored by two workers on two halves, as the trainer's threads do. For a training worker with
 * randomness of its own (dropout), which the graph comparison leaves off, {@link #centralDifferences} checks the
 * gradient against the worker's own forward pass instead; the rest are the fixtures those tests share.
 */
public final class KernelCheck {
    private KernelCheck() {
    }

    /**
     * @param scores    the largest |kernel − graph| / max(1, |graph|) over the scores
     * @param gradients per parameter, the largest |kernel − graph| / max(floor, max |graph|) over its entries
     */
    public record Result(double scores, Map<String, Double> gradients) {
        /** @return the worst of all differences */
        public double worst() {
            return Math.max(scores, gradients.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
        }
    }

    /**
     * @param model   the model (its graph is the reference)
     * @param batch   the rows to score
     * @param seed    seeds the parameters (the model's initialisation times {@code scale}) and the weights {@code w}
     * @param scale   factor on the initial parameters, so tanh units leave their linear range
     * @return the differences
     */
    public static Result compare(KernelModel model, KernelBatch batch, long seed, double scale) {
        Nd4jRuntime.ensureLoaded();
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> parameters = new LinkedHashMap<>();
        TrainingGraph.initialParameters(model, random.split()).forEach((k, v) -> parameters.put(k, v.muli(scale)));
        float[] weights = new float[batch.rows()];
        for (int r = 0; r < weights.length; r++) {
            weights[r] = (float) (random.nextDouble() * 2 - 1);
        }

        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> variables = new LinkedHashMap<>();
        parameters.forEach((k, v) -> variables.put(k, sd.var(k, v.dup())));
        int s = batch.contextSize();
        // Context and mask are placeholders, as in the training graph: ND4J M1.1 names a gradient for a constant the
        // mask feeds twice ("<name>-grad" already exists), e.g. SDM's prepared mask terms.
        Map<String, INDArray> feed = new LinkedHashMap<>();
        if (s > 0) {
            feed.put("context", Nd4j.createFromArray(batch.context()).reshape(batch.rows(), s));
            feed.put("contextMask", Nd4j.createFromArray(batch.mask()).reshape(batch.rows(), s));
        }
        ScoreInputs in = new ScoreInputs(sd.constant("users", Nd4j.createFromArray(batch.users())),
                sd.constant("items", Nd4j.createFromArray(batch.items())),
                s > 0 ? sd.placeHolder("context", DataType.INT, -1, s) : null,
                s > 0 ? sd.placeHolder("contextMask", DataType.FLOAT, -1, s) : null,
                batch.groups() == null ? null : sd.constant("groups", Nd4j.createFromArray(batch.groups())));
        SDVariable score = model.score(sd, variables::get, in);
        SDVariable objective = score.mul(sd.constant("w", Nd4j.createFromArray(weights))).sum();
        objective.markAsLoss();
        INDArray graphScores = score.eval(feed).castTo(DataType.FLOAT);
        Map<String, INDArray> graphGradients = sd.calculateGradients(feed, List.copyOf(variables.keySet()));

        KernelParameters kernelParameters = KernelParameters.copyOf(parameters);
        KernelParameters kernelGradients = kernelParameters.zerosLike();
        ScoreKernel kernel = model.kernel();
        int half = batch.rows() / 2;
        ScoreKernel.Worker first = kernel.worker(kernelParameters, batch.rows());
        ScoreKernel.Worker second = kernel.worker(kernelParameters, batch.rows());
        float[] scores = new float[batch.rows()];
        first.forward(batch, 0, half, scores);
        second.forward(batch, half, batch.rows(), scores);
        first.backward(batch, 0, half, weights, kernelGradients);
        second.backward(batch, half, batch.rows(), weights, kernelGradients);

        double scoreDiff = 0;
        for (int r = 0; r < scores.length; r++) {
            double g = graphScores.getDouble(r);
            scoreDiff = Math.max(scoreDiff, Math.abs(scores[r] - g) / Math.max(1, Math.abs(g)));
        }
        Map<String, Double> gradientDiffs = new LinkedHashMap<>();
        for (String name : parameters.keySet()) {
            float[] expected = graphGradients.get(name).castTo(DataType.FLOAT).dup('c').data().asFloat();
            float[] actual = kernelGradients.values(name);
            double largest = 1e-3;
            for (float e : expected) {
                largest = Math.max(largest, Math.abs(e));
            }
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / largest);
            }
            gradientDiffs.put(name, worst);
        }
        return new Result(scoreDiff, gradientDiffs);
    }

    /**
     * Rows without context for a model of at least 5 users and 7 items: repeated users and items (scatter-adds of
     * one row from several rows), then a spread of other rows.
     */
    public static final List<KernelBatch> PAIR_BATCHES = List.of(
            new KernelBatch(new int[] {0, 0, 3, 0, 3, 1}, new int[] {2, 2, 5, 6, 2, 0}),
            new KernelBatch(new int[] {4, 1, 2, 0, 3, 4, 2, 1, 0, 3, 4}, new int[] {6, 0, 1, 3, 4, 5, 2, 6, 1, 0, 3}));

    /** Fills one triple's context window (the {@code s} slots its positive and negative rows share). */
    @FunctionalInterface
    public interface Window {
        /**
         * @param triple  the triple's index
         * @param random  the batch's generator (after the triple's user, positive and negative)
         * @param context the window's {@code s} item indices, to fill (padding slots may hold any valid index)
         * @param mask    the window's {@code s} slots, to fill: 1 = real item, 0 = padding
         */
        void fill(int triple, SplittableRandom random, int[] context, float[] mask);
    }

    /**
     * Rows with context as the trainer lays them out, {@code [positives; negatives]}: per triple a user, a positive
     * and a negative item drawn from {@code users} and {@code items} (small ranges, so they repeat), then the
     * window both rows share, from {@code window}.
     */
    public static KernelBatch triples(int users, int items, int triples, int s, long seed, Window window) {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = 2 * triples;
        int[] rowUsers = new int[rows];
        int[] rowItems = new int[rows];
        int[] context = new int[rows * s];
        float[] mask = new float[rows * s];
        int[] slots = new int[s];
        float[] slotMask = new float[s];
        for (int t = 0; t < triples; t++) {
            int user = random.nextInt(users);
            rowUsers[t] = user;
            rowUsers[t + triples] = user;
            rowItems[t] = random.nextInt(items);
            rowItems[t + triples] = random.nextInt(items);
            window.fill(t, random, slots, slotMask);
            for (int row : new int[] {t, t + triples}) {
                System.arraycopy(slots, 0, context, row * s, s);
                System.arraycopy(slotMask, 0, mask, row * s, s);
            }
        }
        return new KernelBatch(rowUsers, rowItems, s, context, mask);
    }

    /**
     * Training data for sequence models' kernel tests: 20 users with 2 to 8 interactions over 12 items, so windows
     * are padded and items repeat.
     */
    public static InteractionData shortSequences() {
        InteractionsBuilder b = Interactions.builder();
        SplittableRandom r = new SplittableRandom(5);
        for (int user = 0; user < 20; user++) {
            for (int t = 0; t < 2 + user % 7; t++) {
                b.add("u" + user, "i" + r.nextInt(12), Float.NaN, t, -1);
            }
        }
        return b.build();
    }

    /**
     * Training data for pair models' kernel training tests: two taste clusters, users 0–29 over items 0–19 and
     * users 30–59 over items 20–39, 12 interactions each drawn uniformly (from seed 7) within the user's cluster.
     */
    public static InteractionData clustered() {
        InteractionsBuilder b = Interactions.builder();
        SplittableRandom r = new SplittableRandom(7);
        for (int user = 0; user < 60; user++) {
            int base = user < 30 ? 0 : 20;
            for (int t = 0; t < 12; t++) {
                b.add("u" + user, "i" + (base + r.nextInt(20)), Float.NaN, t, -1);
            }
        }
        return b.build();
    }

    /**
     * Fails unless the kernel equals the graph ({@link #compare}, worst below 1e-4) on every batch at every scale;
     * prints each worst difference so the margins show in the build log.
     *
     * @param label names the model (and its configuration) in the printed lines and in the failure
     * @param seed  the first seed; each (batch, scale) pair takes the next
     */
    public static void assertEqualsGraph(String label, KernelModel model, List<KernelBatch> batches, long seed,
            double... scales) {
        for (KernelBatch batch : batches) {
            for (double scale : scales) {
                Result r = compare(model, batch, seed++, scale);
                if (!(r.worst() < 1e-4)) {
                    throw new AssertionError(label + " " + batch.rows() + " rows, scale " + scale + ": " + r);
                }
                System.out.printf("%s kernel vs graph, %d rows, scale %.0f: worst %.2e%n", label, batch.rows(), scale,
                        r.worst());
            }
        }
    }

    /**
     * Training a model through its kernel and through its graph, from the same initial parameters and batches.
     *
     * @param kernelLoss  the kernel run's mean objective of its last epoch
     * @param graphLoss   the graph run's
     * @param paths       the {@code train.kernels} records of the two runs (expected {@code [true, false]})
     * @param parameters  per parameter, the largest |kernel − graph| over its entries after training
     */
    public record Training(double kernelLoss, double graphLoss, List<Object> paths, Map<String, Double> parameters) {
        /** @return the largest parameter difference over every parameter */
        public double largest() {
            return parameters.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        /**
         * Fails unless the kernel run took the kernel path and the graph run the graph, the last epochs' objectives
         * agree to {@code relativeLoss} and every parameter but {@code skip} to {@code absolute}.
         *
         * @param skip parameters the objective does not depend on (e.g. an output bias that cancels in
         *             {@code score_neg − score_pos}): their gradient is rounding residue, which Adam amplifies
         */
        public void assertEquivalent(double relativeLoss, double absolute, String... skip) {
            if (!paths.equals(List.of(true, false))) {
                throw new AssertionError("expected the kernel path then the graph path, recorded " + paths);
            }
            if (Math.abs(kernelLoss - graphLoss) > relativeLoss * Math.abs(graphLoss)) {
                throw new AssertionError("last epoch's objective: kernel " + kernelLoss + ", graph " + graphLoss);
            }
            Set<String> skipped = Set.of(skip);
            parameters.forEach((name, worst) -> {
                if (!skipped.contains(name) && !(worst < absolute)) {
                    throw new AssertionError(name + ": largest difference " + worst + " (all: " + parameters + ")");
                }
            });
        }
    }

    /**
     * Trains {@code model} twice with {@link SameDiffTraining}, once with kernels on and once off
     * ({@value KernelTraining#ENABLED}), restoring the property afterwards.
     *
     * @param context a fresh context per run (same seed, loss, sampler and epochs for both)
     */
    public static Training compareTraining(String name, KernelModel model, InteractionData data,
            NeuralSettings settings, Supplier<FixedTrainingContext> context) {
        FixedTrainingContext kernelContext = context.get();
        FixedTrainingContext graphContext = context.get();
        Map<String, INDArray> kernel = trainWithKernels(true, name, model, data, settings, kernelContext);
        Map<String, INDArray> graph = trainWithKernels(false, name, model, data, settings, graphContext);
        Map<String, Double> differences = new LinkedHashMap<>();
        graph.forEach((parameter, expected) -> differences.put(parameter,
                largestDifference(expected, kernel.get(parameter))));
        return new Training((Double) kernelContext.recorded.get("train.lastEpochLoss"),
                (Double) graphContext.recorded.get("train.lastEpochLoss"),
                Arrays.asList(kernelContext.recorded.get("train.kernels"), graphContext.recorded.get("train.kernels")),
                differences);
    }

    private static Map<String, INDArray> trainWithKernels(boolean kernels, String name, KernelModel model,
            InteractionData data, NeuralSettings settings, FixedTrainingContext context) {
        return withKernels(kernels,
                () -> new LinkedHashMap<>(SameDiffTraining.train(name, model, data, settings, context, p -> null)));
    }

    /**
     * Runs {@code action} with kernels on or off ({@value KernelTraining#ENABLED}) for training and serving, and
     * restores the property afterwards.
     */
    public static <T> T withKernels(boolean kernels, Supplier<T> action) {
        String previous = System.getProperty(KernelTraining.ENABLED);
        System.setProperty(KernelTraining.ENABLED, Boolean.toString(kernels));
        try {
            return action.get();
        } finally {
            if (previous == null) {
                System.clearProperty(KernelTraining.ENABLED);
            } else {
                System.setProperty(KernelTraining.ENABLED, previous);
            }
        }
    }

    /**
     * A context for kernel-path training tests: {@code seed}, 2 epochs, 2 threads, {@code bpr} under the name "BPR"
     * (the framework cannot depend on the loss bundle), the framework's uniform {@link RejectionSampler} and no
     * validation.
     */
    public static FixedTrainingContext trainingContext(long seed, Loss bpr) {
        return new FixedTrainingContext(seed, 2, 2).with(Loss.class, "BPR", bpr)
                .with(NegativeSampler.class, "uniform", new RejectionSampler())
                .validation(x -> OptionalDouble.empty());
    }

    /** @return every tensor of {@code model}'s parameters uniform in (−0.5, 0.5), from {@code seed} */
    public static Map<String, INDArray> randomParameters(DifferentiableModel model, long seed) {
        return randomParameters(model, seed, 0.5);
    }

    /** @return every tensor of {@code model}'s parameters uniform in (−half, half), from {@code seed} */
    public static Map<String, INDArray> randomParameters(DifferentiableModel model, long seed, double half) {
        Nd4jRuntime.ensureLoaded();
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> parameters = new LinkedHashMap<>();
        for (ParameterSpec spec : model.parameters()) {
            long size = 1;
            for (long x : spec.shape()) {
                size *= x;
            }
            float[] values = new float[Math.toIntExact(size)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((random.nextDouble() - 0.5) * (2 * half));
            }
            parameters.put(spec.name(), Nd4j.create(values, spec.shape(), 'c'));
        }
        return parameters;
    }

    /** @return {@code rows} weights uniform in (−1, 1) from {@code seed}: {@code w} of {@code Σ_r w_r · score_r} */
    public static float[] randomWeights(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] weights = new float[rows];
        for (int r = 0; r < rows; r++) {
            weights[r] = (float) (random.nextDouble() * 2 - 1);
        }
        return weights;
    }

    /** @return the largest |x − y| over the entries, in double */
    public static double largestDifference(float[] x, float[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " vs " + y.length + " entries");
        }
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs((double) x[i] - y[i]));
        }
        return worst;
    }

    /** @return the largest |a − b| over the entries of two arrays of one shape, as floats */
    public static double largestDifference(INDArray a, INDArray b) {
        return largestDifference(a.castTo(DataType.FLOAT).dup('c').data().asFloat(),
                b.castTo(DataType.FLOAT).dup('c').data().asFloat());
    }

    /** @return the largest |a − b| over every entry of every parameter of {@code a} */
    public static double largestDifference(Map<String, INDArray> a, Map<String, INDArray> b) {
        double worst = 0;
        for (Map.Entry<String, INDArray> e : a.entrySet()) {
            worst = Math.max(worst, largestDifference(e.getValue(), b.get(e.getKey())));
        }
        return worst;
    }

    /**
     * Fails unless training with dropout is reproducible from the seed (every entry of every parameter equal) and
     * differs, in {@code table} by more than {@code threshold}, from training without dropout from the same seed and
     * from training with dropout from {@code seed + 1} (other masks).
     *
     * @param withDropout    trains the model with dropout from a seed
     * @param withoutDropout trains the dropout-free model from a seed
     * @return the run with dropout from {@code seed}
     */
    public static Map<String, INDArray> assertSeededDropoutTraining(LongFunction<Map<String, INDArray>> withDropout,
            LongFunction<Map<String, INDArray>> withoutDropout, long seed, String table, double threshold) {
        Map<String, INDArray> once = withDropout.apply(seed);
        Map<String, INDArray> again = withDropout.apply(seed);
        Map<String, INDArray> otherSeed = withDropout.apply(seed + 1);
        Map<String, INDArray> none = withoutDropout.apply(seed);
        once.forEach((name, value) -> {
            double d = largestDifference(value, again.get(name));
            if (d != 0) {
                throw new AssertionError(name + " not reproducible from the seed: " + d);
            }
        });
        double changed = largestDifference(once.get(table), none.get(table));
        if (!(changed > threshold)) {
            throw new AssertionError("dropout changes training: " + table + " differs by " + changed);
        }
        double reseeded = largestDifference(once.get(table), otherSeed.get(table));
        if (!(reseeded > threshold)) {
            throw new AssertionError("another seed, other dropout masks: " + table + " differs by " + reseeded);
        }
        return once;
    }

    /**
     * Fails unless a model trained with dropout serves without it: on every query over all {@code numItems} items
     * {@code served} is deterministic and equals {@code dropoutFree} (the same parameters without dropout) exactly,
     * and {@code viaGraph} (served with kernels off) is deterministic and equals it to 1e-5.
     */
    public static void assertServedWithoutDropout(Recommender served, Recommender dropoutFree, Recommender viaGraph,
            List<Query> queries, int numItems) {
        int[] candidates = new int[numItems];
        for (int i = 0; i < numItems; i++) {
            candidates[i] = i;
        }
        for (Query q : queries) {
            float[] first = served.score(q, candidates);
            assertScores(first, served.score(q, candidates), 0, "serving is deterministic", q);
            assertScores(dropoutFree.score(q, candidates), first, 0, "serving has no dropout", q);
            float[] graph = viaGraph.score(q, candidates);
            assertScores(graph, viaGraph.score(q, candidates), 0, "graph serving is deterministic", q);
            assertScores(graph, first, 1e-5, "kernel serving equals graph serving", q);
        }
    }

    private static void assertScores(float[] expected, float[] actual, double tolerance, String what, Query q) {
        double d = largestDifference(expected, actual);
        if (!(d <= tolerance)) {
            throw new AssertionError(what + ": user " + q.user() + ", context " + Arrays.toString(q.context())
                    + ": differs by " + d + "\nexpected " + Arrays.toString(expected) + "\nactual   "
                    + Arrays.toString(actual));
        }
    }

    /**
     * A training worker's gradient against central differences of its own forward pass.
     *
     * @param scores     the training worker's scores (to compare with a dropout-free kernel's: masks are active)
     * @param worst      the largest |numeric − kernel| / max(1, |numeric|) over the checked entries
     * @param worstEntry where {@code worst} is, with both values
     * @param checked    entries compared
     * @param kinks      entries skipped because their one-sided differences disagree (only if asked)
     * @param nonZero    compared entries with |kernel gradient| > 1e-4
     */
    public record CentralDifferences(float[] scores, double worst, String worstEntry, int checked, int kinks,
            int nonZero) {
        @Override
        public String toString() {
            return checked + " entries (" + kinks + " kinks skipped, " + nonZero + " non-zero), worst " + worst
                    + " at " + worstEntry;
        }
    }

    /**
     * Checks the gradient of {@code Σ_r weights[r] · score_r} from {@code kernel.worker(parameters, rows, seed)}
     * (forward then backward over all rows) against central differences (h = 0.01, in double) of the same
     * objective, each evaluated by a fresh worker from {@code seed}: it draws the same training-time randomness
     * (dropout masks), so this fails when the backward pass does not reuse the forward pass's masks, which a
     * comparison with the graph (dropout off) cannot see. Fails at once unless a re-created worker reproduces the
     * scores exactly.
     *
     * @param parameters      perturbed in place one entry at a time, restored afterwards
     * @param entriesPerTable entries {@code 0, k, 2k, …} of every table with {@code k = max(1, size / entriesPerTable)}
     *                        (every entry when it is at least the size)
     * @param skipKinks       skip (and count) entries whose one-sided differences disagree by more than
     *                        1e-3 · max(1, |forward|): they sit on a ReLU or max-pooling kink; {@code false} for smooth
     *                        models, where every sampled entry counts
     */
    public static CentralDifferences centralDifferences(ScoreKernel kernel, KernelParameters parameters,
            KernelBatch batch, float[] weights, long seed, int entriesPerTable, boolean skipKinks) {
        int rows = batch.rows();
        ScoreKernel.Worker worker = kernel.worker(parameters, rows, seed);
        float[] scores = new float[rows];
        worker.forward(batch, 0, rows, scores);
        KernelParameters gradients = parameters.zerosLike();
        worker.backward(batch, 0, rows, weights, gradients);
        float[] again = new float[rows];
        kernel.worker(parameters, rows, seed).forward(batch, 0, rows, again);
        if (!Arrays.equals(scores, again)) {
            throw new AssertionError("a worker re-created from seed " + seed + " scores differently (other masks?): "
                    + Arrays.toString(scores) + " vs " + Arrays.toString(again));
        }
        double centre = objective(again, weights);

        float h = 1e-2f;
        double worst = 0;
        String worstEntry = "none";
        int checked = 0;
        int kinks = 0;
        int nonZero = 0;
        for (String name : parameters.names()) {
            float[] values = parameters.values(name);
            float[] grad = gradients.values(name);
            int step = Math.max(1, values.length / entriesPerTable);
            for (int i = 0; i < values.length; i += step) {
                float original = values[i];
                values[i] = original + h;
                double up = objective(kernel, parameters, batch, seed, weights);
                values[i] = original - h;
                double down = objective(kernel, parameters, batch, seed, weights);
                values[i] = original;
                if (skipKinks) {
                    double forward = (up - centre) / h;
                    double backward = (centre - down) / h;
                    if (Math.abs(forward - backward) > 1e-3 * Math.max(1, Math.abs(forward))) {
                        kinks++;
                        continue;
                    }
                }
                double numeric = (up - down) / (2 * h);
                double error = Math.abs(numeric - grad[i]) / Math.max(1, Math.abs(numeric));
                if (!(error <= worst)) { // NaN counts as worst
                    worst = error;
                    worstEntry = name + "[" + i + "]: kernel " + grad[i] + ", central difference " + numeric;
                }
                checked++;
                if (Math.abs(grad[i]) > 1e-4) {
                    nonZero++;
                }
            }
        }
        return new CentralDifferences(scores, worst, worstEntry, checked, kinks, nonZero);
    }

    /** {@code Σ_r weights[r] · score_r} from a fresh training worker of {@code seed}, in double. */
    private static double objective(ScoreKernel kernel, KernelParameters parameters, KernelBatch batch, long seed,
            float[] weights) {
        float[] scores = new float[batch.rows()];
        kernel.worker(parameters, batch.rows(), seed).forward(batch, 0, batch.rows(), scores);
        return objective(scores, weights);
    }

    private static double objective(float[] scores, float[] weights) {
        double sum = 0;
        for (int r = 0; r < scores.length; r++) {
            sum += (double) weights[r] * scores[r];
        }
        return sum;
    }
}
