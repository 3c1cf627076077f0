package org.marketlens.model.sdm;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.nn.AttentionWeights;
import org.marketlens.api.nn.FinalLayerModel;
import org.marketlens.api.nn.FinalLayerVectors;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.rec.Query;
import org.marketlens.framework.nn.FinalLayerRecommender;
import org.marketlens.framework.train.ContextWindows;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained SDM: scores, snapshots and final-layer vectors as every {@link FinalLayerRecommender} (so SDMR can
 * freeze it), plus its per-hop attention weights {@code a^(h)_ijk} (Eq. 5.10, 5.16) through {@link AttentionWeights}.
 * The attention graph is built on first use from the same {@link SdmModel#forward} that scores, on the same
 * context window (the {@code s} latest query items), so the exported weights are exactly the ones the score used.
 * Scores come from {@link SdmKernel}'s forward pass through the framework's serving (the graph's score to float
 * precision, about 20× faster than a SameDiff call per query, which made each validation of ml-100k-loo take a
 * minute, issue 6); {@code -Dmarketlens.kernels=false} scores through the graph instead. Calls are serialised (a
 * SameDiff session and a kernel worker are not thread-safe). Its model is always dropout-free
 * ({@link SdmProvider} serves {@link SdmModel#withoutDropout()}, A-8), so scores, attention and the final-layer vectors
 * SDMR freezes are deterministic.
 */
final class SdmRecommender implements FinalLayerVectors, AttentionWeights {
    private final SdmModel model;
    private final FinalLayerRecommender serving;
    private final ContextWindows windows;
    private SameDiff attentionGraph;
    private List<String> attentionNames;

    SdmRecommender(String name, SdmModel model, Map<String, INDArray> parameters, Map<String, Object> values,
            int numItems) {
        this.model = model;
        this.serving = new FinalLayerRecommender(name, model, parameters, values, numItems);
        this.windows = new ContextWindows(model.contextSize());
    }

    @Override
    public FinalLayerModel model() {
        return model;
    }

    @Override
    public Map<String, INDArray> parameters() {
        return serving.parameters();
    }

    @Override
    public int numItems() {
        return serving.numItems();
    }

    @Override
    public float[] score(Query query, int[] items) {
        return serving.score(query, items);
    }

    @Override
    public void save(OutputStream out) throws IOException {
        serving.save(out);
    }

    @Override
    public synchronized List<Attention> attention(Query query, int[] items) {
        if (items.length == 0) {
            return List.of();
        }
        int s = windows.size();
        int[] window = new int[s];
        float[] windowMask = new float[s];
        int n = windows.fillQuery(query.context(), window, windowMask, 0);
        int[] attended = Arrays.copyOf(window, n);
        if (n == 0) {
            // Nothing to attend to: every weight of a masked softmin would be 0/0.
            List<Attention> out = new ArrayList<>();
            for (int item : items) {
                out.add(new Attention(item, attended, new float[model.hops()][0]));
            }
            return out;
        }
        int[] users = new int[items.length];
        Arrays.fill(users, query.user());
        int[] context = new int[items.length * s];
        float[] mask = new float[items.length * s];
        for (int row = 0; row < items.length; row++) {
            System.arraycopy(window, 0, context, row * s, s);
            System.arraycopy(windowMask, 0, mask, row * s, s);
        }
        Map<String, INDArray> feed = new HashMap<>();
        feed.put("users", Nd4j.createFromArray(users));
        feed.put("items", Nd4j.createFromArray(items));
        feed.put("context", Nd4j.createFromArray(context).reshape(items.length, s));
        feed.put("contextMask", Nd4j.createFromArray(mask).reshape(items.length, s));
        SameDiff sd = graph();
        Map<String, INDArray> result = sd.output(feed, attentionNames.toArray(String[]::new));
        float[][][] perItem = new float[items.length][attentionNames.size()][];
        for (int h = 0; h < attentionNames.size(); h++) {
            INDArray a = result.get(attentionNames.get(h));
            for (int row = 0; row < items.length; row++) {
                float[] full = a.getRow(row).toFloatVector();
                perItem[row][h] = Arrays.copyOf(full, n);
            }
        }
        List<Attention> out = new ArrayList<>(items.length);
        for (int row = 0; row < items.length; row++) {
            out.add(new Attention(items[row], attended, perItem[row]));
        }
        return out;
    }

    private SameDiff graph() {
        if (attentionGraph == null) {
            SameDiff sd = SameDiff.create();
            int s = windows.size();
            ScoreInputs in = new ScoreInputs(sd.placeHolder("users", DataType.INT, -1),
                    sd.placeHolder("items", DataType.INT, -1), sd.placeHolder("context", DataType.INT, -1, s),
                    sd.placeHolder("contextMask", DataType.FLOAT, -1, s));
            serving.parameters().forEach(sd::constant);
            List<String> names = new ArrayList<>();
            for (SDVariable a : model.forward(sd, sd::getVariable, in).attention()) {
                names.add(a.name());
            }
            attentionNames = List.copyOf(names);
            attentionGraph = sd;
        }
        return attentionGraph;
    }
}
