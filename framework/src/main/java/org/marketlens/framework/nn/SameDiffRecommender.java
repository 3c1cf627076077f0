package org.marketlens.framework.nn;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import org.marketlens.api.nn.DifferentiableModel;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.KernelTraining;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.framework.train.ContextWindows;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Serves any {@link DifferentiableModel} by running its score graph on the clean parameters (no noise, no dropout:
 * inference is deterministic). A model with a context size gets the {@code s} latest items of
 * {@link Query#context()} as the context of every candidate, padded and masked when there are fewer; a model that
 * uses groups gets {@link Query#group()} for every candidate (a query without a group is an error). A
 * {@link KernelModel} is scored by its kernel's forward pass instead (the graph's score to float precision; one
 * SameDiff call per query costs hundreds of op calls, which made each validation of SDM on ml-100k-loo take a
 * minute, issue 6), on a float copy of the parameters, in blocks of {@value #KERNEL_ROWS} candidates;
 * {@code -Dmarketlens.kernels=false} scores through the graph. Calls are serialised because neither a SameDiff
 * session nor a kernel worker is thread-safe.
 */
public final class SameDiffRecommender implements Recommender {
    /** Candidates per kernel call: bounds the worker's scratch whatever the catalogue size. */
    static final int KERNEL_ROWS = 1024;
    private final String modelName;
    private final Map<String, Object> hyperParameters;
    private final Map<String, INDArray> parameters;
    private final int numItems;
    private final SameDiff sd = SameDiff.create();
    private final String scoreName;
    /** The kernel's forward pass, or null when the graph scores. */
    private final ScoreKernel.Worker kernel;
    /** The context window of models with a context size (the {@code s} latest query items), else null. */
    private final ContextWindows windows;
    /** Whether the model reads each row's group (the query's). */
    private final boolean groups;

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
        this.groups = model.usesGroups();
        ScoreInputs in = new ScoreInputs(sd.placeHolder("users", DataType.INT, -1),
                sd.placeHolder("items", DataType.INT, -1),
                s > 0 ? sd.placeHolder("context", DataType.INT, -1, s) : null,
                s > 0 ? sd.placeHolder("contextMask", DataType.FLOAT, -1, s) : null,
                groups ? sd.placeHolder("groups", DataType.INT, -1) : null);
        parameters.forEach((name, array) -> sd.constant(name, array));
        SDVariable score = model.score(sd, sd::getVariable, in);
        this.scoreName = score.name();
        this.kernel = model instanceof KernelModel k && k.hasKernel() && KernelTraining.enabled()
                ? k.kernel().worker(KernelParameters.copyOf(parameters), KERNEL_ROWS) : null;
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
        int rows = kernel == null ? items.length : Math.min(items.length, KERNEL_ROWS);
        int[] users = new int[rows];
        Arrays.fill(users, query.user());
        int[] rowGroups = null;
        if (groups) {
            if (query.group() < 0) {
                throw new IllegalArgumentException(modelName + " scores (user, group, item) and needs the query's"
                        + " group (playlist); query of user " + query.user() + " has none");
            }
            rowGroups = new int[rows];
            Arrays.fill(rowGroups, query.group());
        }
        // Every candidate of a query shares its context (MODELS.md §4.1, §4.8: the s latest training items).
        int s = windows == null ? 0 : windows.size();
        int[] context = s == 0 ? null : new int[rows * s];
        float[] mask = s == 0 ? null : new float[rows * s];
        if (s > 0) {
            windows.fillQuery(query.context(), context, mask, 0);
            for (int row = 1; row < rows; row++) {
                System.arraycopy(context, 0, context, row * s, s);
                System.arraycopy(mask, 0, mask, row * s, s);
            }
        }
        if (kernel != null) {
            float[] scores = new float[items.length];
            float[] block = new float[rows];
            for (int from = 0; from < items.length; from += rows) {
                int n = Math.min(rows, items.length - from);
                int[] blockItems = Arrays.copyOfRange(items, from, from + n);
                KernelBatch batch = n == rows
                        ? new KernelBatch(users, blockItems, s, context, mask, rowGroups)
                        : new KernelBatch(Arrays.copyOf(users, n), blockItems, s,
                                s == 0 ? null : Arrays.copyOf(context, n * s), s == 0 ? null : Arrays.copyOf(mask, n * s),
                                rowGroups == null ? null : Arrays.copyOf(rowGroups, n));
                kernel.forward(batch, 0, n, block);
                System.arraycopy(block, 0, scores, from, n);
            }
            return scores;
        }
        Map<String, INDArray> feed = new java.util.HashMap<>(
                Map.of("users", Nd4j.createFromArray(users), "items", Nd4j.createFromArray(items)));
        if (s > 0) {
            feed.put("context", Nd4j.createFromArray(context).reshape(items.length, s));
            feed.put("contextMask", Nd4j.createFromArray(mask).reshape(items.length, s));
        }
        if (groups) {
            feed.put("groups", Nd4j.createFromArray(rowGroups));
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
