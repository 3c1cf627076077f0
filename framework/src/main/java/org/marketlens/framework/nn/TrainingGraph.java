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
 */
final class TrainingGraph implements LossGraph, StepState {
    static final String NOISE_PREFIX = "delta/";
    /** Logical name of the {@code [batch, s]} context placeholder (models with a context size). */
    static final String CONTEXT = "context";
    /** Logical name of the {@code [batch, s]} context mask placeholder. */
    static final String CONTEXT_MASK = "contextMask";

    private final SameDiff sd = SameDiff.create();
    private final DifferentiableModel model;
    private final Map<String, INDArray> parameters;
    private final Map<String, SDVariable> variables = new LinkedHashMap<>();
    private final Map<String, INDArray> noise = new LinkedHashMap<>();
    private final TrainingInputs inputs;
    private final SDVariable objective;
    /** Logical input name ({@code users}, {@code positives}, {@code negatives}) to the placeholders standing for it. */
    private final Map<String, List<String>> aliases = new LinkedHashMap<>();
    private ParameterView perturbed;
    private Map<String, INDArray> feed;

    TrainingGraph(DifferentiableModel model, Map<String, INDArray> parameters, Loss loss) {
        this.model = model;
        this.parameters = parameters;
        int s = model.contextSize();
        this.inputs = new TrainingInputs(
                sd.placeHolder("users", DataType.INT, -1),
                sd.placeHolder("positives", DataType.INT, -1),
                sd.placeHolder("negatives", DataType.INT, -1),
                s > 0 ? sd.placeHolder(CONTEXT, DataType.INT, -1, s) : null,
                s > 0 ? sd.placeHolder(CONTEXT_MASK, DataType.FLOAT, -1, s) : null);
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
        return variables::get;
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
        return model.score(sd, params, new ScoreInputs(alias(in.users()), alias(in.items()), alias(in.context()),
                alias(in.contextMask())));
    }

    @Override
    public SDVariable penalty() {
        return model.penalty(sd, parameters(),
                new TrainingInputs(alias(inputs.users()), alias(inputs.positives()), alias(inputs.negatives()),
                        alias(inputs.context()), alias(inputs.contextMask())));
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
        List<String> names = aliases.computeIfAbsent(logical.name(), k -> new java.util.ArrayList<>());
        SDVariable placeholder = sd.placeHolder(logical.name() + "_" + names.size(), logical.dataType(),
                logical.placeholderShape());
        names.add(placeholder.name());
        return placeholder;
    }

    /** Sets the batch that the next {@link #gradients} calls use. */
    void feed(int[] users, int[] positives, int[] negatives) {
        feed(users, positives, negatives, null, null);
    }

    /**
     * Sets the batch that the next {@link #gradients} calls use.
     *
     * @param context {@code [batch, s]} context items, or {@code null} for models without context
     * @param mask    {@code [batch, s]} context mask, or {@code null}
     */
    void feed(int[] users, int[] positives, int[] negatives, INDArray context, INDArray mask) {
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
