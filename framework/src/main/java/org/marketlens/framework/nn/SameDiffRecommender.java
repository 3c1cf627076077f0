package org.marketlens.framework.nn;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import org.marketlens.api.nn.DifferentiableModel;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.train.ContextWindows;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Serves any {@link DifferentiableModel} by running its score graph on the clean parameters (no noise, no dropout:
 * inference is deterministic). A model with a context size gets the {@code s} latest items of
 * {@link Query#context()} as the context of every candidate, padded and masked when there are fewer. Calls are serialised because a SameDiff session is not thread-safe.
 */
public final class SameDiffRecommender implements Recommender {
    private final String modelName;
    private final Map<String, Object> hyperParameters;
    private final Map<String, INDArray> parameters;
    private final int numItems;
    private final SameDiff sd = SameDiff.create();
    private final String scoreName;
    /** The context window of models with a context size (the {@code s} latest query items), else null. */
    private final ContextWindows windows;

    /**
     * @param modelName       the provider's {@code marketlens.name}, written into snapshots
     * @param model           the model
     * @param parameters      trained parameters (not copied; callers pass arrays they no longer change)
     * @param hyperParameters every hyper-parameter, written into snapshots so the provider can rebuild the model
     * @param numItems        number of items
     */
    public SameDiffRecommender(String modelName, DifferentiableModel model, Map<String, INDArray> parameters,
            Map<String, Object> hyperParameters, int numItems) {
        Nd4jRuntime.ensureLoaded();
        this.modelName = modelName;
        this.hyperParameters = Map.copyOf(hyperParameters);
        this.parameters = Map.copyOf(parameters);
        this.numItems = numItems;
        int s = model.contextSize();
        this.windows = s > 0 ? new ContextWindows(s) : null;
        ScoreInputs in = new ScoreInputs(sd.placeHolder("users", DataType.INT, -1),
                sd.placeHolder("items", DataType.INT, -1),
                s > 0 ? sd.placeHolder("context", DataType.INT, -1, s) : null,
                s > 0 ? sd.placeHolder("contextMask", DataType.FLOAT, -1, s) : null);
        parameters.forEach((name, array) -> sd.constant(name, array));
        SDVariable score = model.score(sd, sd::getVariable, in);
        this.scoreName = score.name();
    }

    @Override
    public int numItems() {
        return numItems;
    }

    @Override
    public synchronized float[] score(Query query, int[] items) {
        if (items.length == 0) {
            return new float[0];
        }
        int[] users = new int[items.length];
        Arrays.fill(users, query.user());
        Map<String, INDArray> feed = new java.util.HashMap<>(
                Map.of("users", Nd4j.createFromArray(users), "items", Nd4j.createFromArray(items)));
        if (windows != null) {
            // Every candidate of a query shares its context (MODELS.md §4.1, §4.8: the s latest training items).
            int s = windows.size();
            int[] context = new int[items.length * s];
            float[] mask = new float[items.length * s];
            windows.fillQuery(query.context(), context, mask, 0);
            for (int row = 1; row < items.length; row++) {
                System.arraycopy(context, 0, context, row * s, s);
                System.arraycopy(mask, 0, mask, row * s, s);
            }
            feed.put("context", Nd4j.createFromArray(context).reshape(items.length, s));
            feed.put("contextMask", Nd4j.createFromArray(mask).reshape(items.length, s));
        }
        return sd.output(feed, scoreName).get(scoreName).toFloatVector();
    }

    @Override
    public void save(OutputStream out) throws IOException {
        ParameterSnapshot.write(out, new ParameterSnapshot(modelName, hyperParameters, parameters));
    }

    /** @return the trained parameters (read-only by convention) */
    public Map<String, INDArray> parameters() {
        return parameters;
    }
}
