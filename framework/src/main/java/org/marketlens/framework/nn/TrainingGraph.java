package org.marketlens.framework.nn;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.marketlens.api.nn.DifferentiableModel;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.nn.LossGraph;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.nn.ParameterView;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.nn.StepState;
import org.marketlens.api.nn.TrainingInputs;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SameDiff graph of one (model, loss) pair: INT32 placeholders {@code users}, {@code positives},
 * {@code negatives} of shape [batch], one variable per model parameter (the caller's map is rebound to the graph's
 * arrays, so optimiser updates are visible to it), optional noise variables {@code delta/<name>}, and the loss
 * objective.
 * <p>
 * A loss scores the positives and the negatives of a batch in two calls on the same parameter view; the graph
 * answers both from ONE model call over the {@code 2·batch} rows {@code [positives; negatives]} (users and context
 * repeated) and hands each call its half. Models score rows independently, so the values and gradients are those
 * of two calls, while the graph holds (and SameDiff executes per step) one copy of the model instead of two: step
 * time is dominated by the per-op cost of SameDiff, not by the batch size (issue 6).
 * <p>
 * With a pool size {@code k > 1} ({@code negativePooling=hardest}) the batch is {@code g} groups of {@code k}
 * consecutive triples of one positive (TripleBatches grouped); the fused call still scores all rows, and the loss
 * sees {@code g} scores per side: the positive score of each group's first triple (with dropout each copy has its
 * own mask), and the max over the group's {@code k} negative scores (thanhdtran/SDMR {@code model_rec.py}). So a
 * pairwise loss pools without knowing of it.
 */
final class TrainingGraph implements LossGraph, StepState {
    static final String NOISE_PREFIX = "delta/";
    /** Logical name of the {@code [batch, s]} context placeholder (models with a context size). */
    static final String CONTEXT = "context";
    /** Logical name of the {@code [batch, s]} context mask placeholder. */
    static final String CONTEXT_MASK = "contextMask";
    /** Logical name of the {@code [batch]} group placeholder (models that use groups). */
    static final String GROUPS = "groups";
    /** Logical names of the {@code [2·batch]} (and {@code [2·batch, s]}) inputs of the fused positive/negative call. */
    static final String PAIR_USERS = "pairUsers";
    static final String PAIR_ITEMS = "pairItems";
    static final String PAIR_CONTEXT = "pairContext";
    static final String PAIR_CONTEXT_MASK = "pairContextMask";
    static final String PAIR_GROUPS = "pairGroups";

    private final SameDiff sd = SameDiff.create();
    private final DifferentiableModel model;
    private final Map<String, INDArray> parameters;
    private final Map<String, SDVariable> variables = new LinkedHashMap<>();
    private final Map<String, INDArray> noise = new LinkedHashMap<>();
    private final TrainingInputs inputs;
    private final SDVariable objective;
    /** Logical input name ({@code users}, {@code positives}, {@code negatives}) to the placeholders standing for it. */
    private final Map<String, List<String>> aliases = new LinkedHashMap<>();
    private final ParameterView clean;
    private ParameterView perturbed;
    /** Per parameter view: the scores of the positives and of the negatives, halves of one fused model call. */
    private final Map<ParameterView, SDVariable[]> pairScores = new java.util.IdentityHashMap<>();
    private Map<String, INDArray> feed;
    /** Triples per pooled group: 1 is one loss term per triple; {@code k > 1} pools each group's negatives. */
    private final int poolSize;

    TrainingGraph(DifferentiableModel model, Map<String, INDArray> parameters, Loss loss) {
        this(model, parameters, loss, 1);
    }

    /**
     * @param poolSize triples per group whose negatives the loss sees pooled (their max), 1 for none
     */
    TrainingGraph(DifferentiableModel model, Map<String, INDArray> parameters, Loss loss, int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be >= 1, not " + poolSize);
        }
        this.poolSize = poolSize;
        this.model = model;
        this.parameters = parameters;
        this.clean = variables::get;
        int s = model.contextSize();
        this.inputs = new TrainingInputs(
                sd.placeHolder("users", DataType.INT, -1),
                sd.placeHolder("positives", DataType.INT, -1),
                sd.placeHolder("negatives", DataType.INT, -1),
                s > 0 ? sd.placeHolder(CONTEXT, DataType.INT, -1, s) : null,
                s > 0 ? sd.placeHolder(CONTEXT_MASK, DataType.FLOAT, -1, s) : null,
                model.usesGroups() ? sd.placeHolder(GROUPS, DataType.INT, -1) : null);
        for (Map.Entry<String, INDArray> p : parameters.entrySet()) {
            SDVariable v = sd.var(p.getKey(), p.getValue());
            variables.put(p.getKey(), v);
            // The graph's own array is the one gradients refer to and the optimiser must update.
            p.setValue(v.getArr());
        }
        this.objective = loss.objective(this);
        objective.markAsLoss();
    }

    /** @return initial parameters for a model, drawn from {@code random} */
    static Map<String, INDArray> initialParameters(DifferentiableModel model, SplittableRandom random) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (ParameterSpec spec : model.parameters()) {
            if (out.put(spec.name(), ParameterInit.create(spec, random)) != null) {
                throw new IllegalArgumentException("duplicate parameter name " + spec.name());
            }
        }
        return out;
    }

    @Override
    public SameDiff sameDiff() {
        return sd;
    }

    @Override
    public ParameterView parameters() {
        return clean;
    }

    @Override
    public ParameterView perturbed() {
        if (perturbed == null) {
            Map<String, SDVariable> shifted = new LinkedHashMap<>();
            for (Map.Entry<String, SDVariable> v : variables.entrySet()) {
                INDArray zeros = Nd4j.zeros(parameters.get(v.getKey()).dataType(), parameters.get(v.getKey()).shape());
                SDVariable delta = sd.var(NOISE_PREFIX + v.getKey(), zeros);
                noise.put(v.getKey(), delta.getArr());
                shifted.put(v.getKey(), v.getValue().add(delta));
            }
            perturbed = shifted::get;
        }
        return perturbed;
    }

    @Override
    public TrainingInputs inputs() {
        return inputs;
    }

    @Override
    public SDVariable score(ParameterView params, ScoreInputs in) {
        boolean positives = sameRows(in, inputs.positive());
        if (positives || sameRows(in, inputs.negative())) {
            SDVariable[] halves = pairScores.computeIfAbsent(params, this::scorePairs);
            return halves[positives ? 0 : 1];
        }
        return model.score(sd, params, new ScoreInputs(alias(in.users()), alias(in.items()), alias(in.context()),
                alias(in.contextMask()), alias(in.groups())));
    }

    private static boolean sameRows(ScoreInputs a, ScoreInputs b) {
        return a.users() == b.users() && a.items() == b.items() && a.context() == b.context()
                && a.contextMask() == b.contextMask() && a.groups() == b.groups();
    }

    /** One model call on {@code [positives; negatives]}; its {@code [2·batch]} scores split into the two halves. */
    private SDVariable[] scorePairs(ParameterView params) {
        int s = model.contextSize();
        ScoreInputs pairs = new ScoreInputs(
                alias(PAIR_USERS, DataType.INT, -1),
                alias(PAIR_ITEMS, DataType.INT, -1),
                s > 0 ? alias(PAIR_CONTEXT, DataType.INT, -1, s) : null,
                s > 0 ? alias(PAIR_CONTEXT_MASK, DataType.FLOAT, -1, s) : null,
                model.usesGroups() ? alias(PAIR_GROUPS, DataType.INT, -1) : null);
        SDVariable scores = model.score(sd, params, pairs);
        SDVariable[] halves = sd.unstack(scores.reshape(2, -1), 0, 2);
        if (poolSize == 1) {
            return halves;
        }
        // [n] → [g, k]: the positive of each group's first triple (a product with the one-hot column e_0, whose
        // gradient M1.1 computes reliably), and the max over the group's negatives, whose gradient goes to the max.
        INDArray first = Nd4j.zeros(scores.dataType(), poolSize, 1);
        first.putScalar(0, 0, 1);
        SDVariable positive = halves[0].reshape(-1, poolSize).mmul(sd.constant(first)).reshape(-1);
        SDVariable negative = halves[1].reshape(-1, poolSize).max(1);
        return new SDVariable[] {positive, negative};
    }

    @Override
    public SDVariable penalty() {
        return model.penalty(sd, parameters(),
                new TrainingInputs(alias(inputs.users()), alias(inputs.positives()), alias(inputs.negatives()),
                        alias(inputs.context()), alias(inputs.contextMask()), alias(inputs.groups())));
    }

    /**
     * Each model call reads its indices from fresh placeholders fed with the same batch: ND4J 1.0.0-M1.1 names the
     * (zero) gradient of a gather's index input {@code <input>-grad} and fails when one index variable feeds
     * gathers in two model calls ("Variable name users-grad already exists").
     */
    private SDVariable alias(SDVariable logical) {
        if (logical == null) {
            return null;
        }
        return alias(logical.name(), logical.dataType(), logical.placeholderShape());
    }

    private SDVariable alias(String logical, DataType type, long... shape) {
        List<String> names = aliases.computeIfAbsent(logical, k -> new java.util.ArrayList<>());
        SDVariable placeholder = sd.placeHolder(logical + "_" + names.size(), type, shape);
        names.add(placeholder.name());
        return placeholder;
    }

    /** Sets the batch that the next {@link #gradients} calls use. */
    void feed(int[] users, int[] positives, int[] negatives) {
        feed(users, positives, negatives, null, null, null);
    }

    /**
     * Sets the batch that the next {@link #gradients} calls use.
     *
     * @param context {@code [batch, s]} context items, or {@code null} for models without context
     * @param mask    {@code [batch, s]} context mask, or {@code null}
     */
    void feed(int[] users, int[] positives, int[] negatives, INDArray context, INDArray mask) {
        feed(users, positives, negatives, context, mask, null);
    }

    /**
     * Sets the batch that the next {@link #gradients} calls use.
     *
     * @param context {@code [batch, s]} context items, or {@code null} for models without context
     * @param mask    {@code [batch, s]} context mask, or {@code null}
     * @param groups  the group of each triple (its positive's interaction), or {@code null} for models without
     */
    void feed(int[] users, int[] positives, int[] negatives, INDArray context, INDArray mask, int[] groups) {
        if (users.length % poolSize != 0) {
            throw new IllegalArgumentException(users.length + " triples are no whole groups of " + poolSize);
        }
        if ((groups == null) == model.usesGroups()) {
            throw new IllegalArgumentException(model.usesGroups() ? "the model uses groups but none were fed"
                    : "groups were fed to a model that does not use them");
        }
        if ((context == null) != (model.contextSize() == 0)) {
            throw new IllegalArgumentException("the model's context size is " + model.contextSize()
                    + (context == null ? " but no context was fed" : " but a context was fed"));
        }
        Map<String, INDArray> values = new java.util.HashMap<>(Map.of(
                "users", Nd4j.createFromArray(users),
                "positives", Nd4j.createFromArray(positives),
                "negatives", Nd4j.createFromArray(negatives)));
        if (context != null) {
            values.put(CONTEXT, context);
            values.put(CONTEXT_MASK, mask);
        }
        if (groups != null) {
            values.put(GROUPS, Nd4j.createFromArray(groups));
        }
        if (aliases.containsKey(PAIR_USERS)) {
            // The fused call's rows: every triple once with its positive, then once with its negative, in the same
            // order, so the first half of its scores belongs to the positives (scorePairs).
            int[] pairUsers = new int[2 * users.length];
            int[] pairItems = new int[2 * users.length];
            System.arraycopy(users, 0, pairUsers, 0, users.length);
            System.arraycopy(users, 0, pairUsers, users.length, users.length);
            System.arraycopy(positives, 0, pairItems, 0, users.length);
            System.arraycopy(negatives, 0, pairItems, users.length, users.length);
            values.put(PAIR_USERS, Nd4j.createFromArray(pairUsers));
            values.put(PAIR_ITEMS, Nd4j.createFromArray(pairItems));
            if (context != null) {
                values.put(PAIR_CONTEXT, Nd4j.concat(0, context, context));
                values.put(PAIR_CONTEXT_MASK, Nd4j.concat(0, mask, mask));
            }
            if (groups != null) {
                int[] pairGroups = new int[2 * groups.length];
                System.arraycopy(groups, 0, pairGroups, 0, groups.length);
                System.arraycopy(groups, 0, pairGroups, groups.length, groups.length);
                values.put(PAIR_GROUPS, Nd4j.createFromArray(pairGroups));
            }
        }
        Map<String, INDArray> next = new java.util.HashMap<>();
        aliases.forEach((logical, names) -> names.forEach(n -> next.put(n, values.get(logical))));
        feed = next;
    }

    @Override
    public Collection<String> parameterNames() {
        return List.copyOf(parameters.keySet());
    }

    @Override
    public INDArray parameter(String name) {
        return parameters.get(name);
    }

    @Override
    public INDArray noise(String name) {
        INDArray n = noise.get(name);
        if (n == null) {
            throw new IllegalStateException("no noise for " + name + ": the loss never called perturbed()");
        }
        return n;
    }

    @Override
    public Map<String, INDArray> gradients(Collection<String> names) {
        return sd.calculateGradients(feed, names);
    }

    /** @return the objective's name in the graph */
    String objectiveName() {
        return objective.name();
    }

    /** @return the current batch feed */
    Map<String, INDArray> currentFeed() {
        return feed;
    }
}
