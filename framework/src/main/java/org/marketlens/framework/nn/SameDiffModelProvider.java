package org.marketlens.framework.nn;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.DifferentiableModel;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.framework.train.HyperParameterValues;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The trainer side every SameDiff model shares: its own hyper-parameters plus {@link NeuralSettings}, training
 * through {@link SameDiffTraining} with the experiment's loss and sampler, and snapshots through
 * {@link ParameterSnapshot}. A model bundle only says how to build its model from the hyper-parameter values
 * (which also hold {@code numUsers} and {@code numItems}) and, if it is not a plain {@link SameDiffRecommender},
 * how to serve the trained parameters.
 *
 * @param <M> the model type
 */
public abstract class SameDiffModelProvider<M extends DifferentiableModel> implements ModelProvider {
    /**
     * Key of the number of groups (one more than the largest group index) in the values given to {@link #model},
     * present when the training data has groups (playlists, baskets).
     *
     * @since 0.3.0
     */
    public static final String NUM_GROUPS = "numGroups";
    private final String name;
    private final List<HyperParameter> hyperParameters;

    /**
     * @param name  the model's {@code marketlens.name}
     * @param own   the model's own hyper-parameters (the optimiser's are appended)
     */
    protected SameDiffModelProvider(String name, List<HyperParameter> own) {
        List<HyperParameter> all = new ArrayList<>(own);
        all.addAll(NeuralSettings.HYPER_PARAMETERS);
        this.name = name;
        this.hyperParameters = List.copyOf(all);
    }

    /**
     * @param values every hyper-parameter value plus {@code numUsers} and {@code numItems}, and
     *               {@value #NUM_GROUPS} when the training data has groups
     * @return the model
     */
    protected abstract M model(Map<String, Object> values);

    /**
     * Serves trained parameters; override for models that expose more than scores (e.g. final-layer vectors).
     *
     * @return the recommender
     */
    protected Recommender serve(M model, Map<String, INDArray> parameters, Map<String, Object> values) {
        return new SameDiffRecommender(name, model, parameters, values, intValue(values, "numItems"));
    }

    /**
     * Starting parameters for training, for models initialised from pre-trained parts (NeuMF++). The default is
     * {@code null}: the model's own initialisation ({@link org.marketlens.api.nn.ParameterSpec}).
     *
     * @param model  the model about to be trained
     * @param train  training data
     * @param values every hyper-parameter value plus {@code numUsers} and {@code numItems}
     * @param ctx    the training context (parts may pre-train in it)
     * @return every declared parameter's starting value, or {@code null}
     * @since 0.2.0
     */
    protected Map<String, INDArray> startingParameters(M model, InteractionData train, Map<String, Object> values,
            TrainingContext ctx) {
        return null;
    }

    @Override
    public final List<HyperParameter> hyperParameters() {
        return hyperParameters;
    }

    @Override
    public final Recommender train(InteractionData train, Map<String, Object> params, TrainingContext ctx) {
        HyperParameterValues values = HyperParameterValues.resolve(name, hyperParameters, params);
        Map<String, Object> all = new LinkedHashMap<>(values.asMap());
        all.put("numUsers", train.numUsers());
        all.put("numItems", train.numItems());
        if (train.hasGroups()) {
            all.put(NUM_GROUPS, numGroups(train));
        }
        M model = model(all);
        Map<String, INDArray> start = startingParameters(model, train, all, ctx);
        Map<String, INDArray> trained = SameDiffTraining.train(name, model, start, train, NeuralSettings.from(values),
                ctx, p -> serve(model, p, all));
        return serve(model, trained, all);
    }

    @Override
    public final Recommender load(InputStream in) throws IOException {
        ParameterSnapshot snapshot = ParameterSnapshot.read(in, name);
        Map<String, Object> values = snapshot.hyperParameters();
        return serve(model(values), snapshot.parameters(), values);
    }

    /**
     * @return one more than the largest group index of {@code train} (0 without groups): the row count of a group
     *         (playlist) embedding table, MODELS.md §3.4
     */
    static int numGroups(InteractionData train) {
        int max = InteractionData.NO_GROUP;
        for (int k = 0; k < train.size(); k++) {
            max = Math.max(max, train.group(k));
        }
        return max + 1;
    }

    /** @return a numeric value of {@code values} as an int */
    protected static int intValue(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).intValue();
    }

    /** @return a numeric value of {@code values} as a double */
    protected static double doubleValue(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).doubleValue();
    }
}
