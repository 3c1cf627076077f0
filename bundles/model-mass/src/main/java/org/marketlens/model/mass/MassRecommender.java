package org.marketlens.model.mass;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.nn.AttentionWeights;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.rec.Query;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.marketlens.framework.train.ContextWindows;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained MASS: scores and snapshots as a {@link SameDiffRecommender}, plus the attention weights
 * {@code α_ikt} (Eq. 4.27) of each prediction over the playlist's member songs through {@link AttentionWeights}
 * (one "hop"), for the attention-versus-PMI analysis of Figure 4.13. The attention graph is built on first use from
 * the same {@link MassModel#forward} that scores, on the same member window (the last {@code l} songs of the
 * query's context), so the exported weights are exactly those the score used. Calls are serialised (a SameDiff
 * session is not thread-safe).
 */
final class MassRecommender implements AttentionWeights {
    private final MassModel model;
    private final SameDiffRecommender serving;
    private final ContextWindows windows;
    private SameDiff attentionGraph;
    private String attentionName;

    MassRecommender(String name, MassModel model, Map<String, INDArray> parameters, Map<String, Object> values,
            int numItems) {
        this.model = model;
        this.serving = new SameDiffRecommender(name, model, parameters, values, numItems);
        this.windows = new ContextWindows(model.contextSize());
    }

    /** @return the trained parameters (read-only by convention) */
    Map<String, INDArray> parameters() {
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
        List<Attention> out = new ArrayList<>(items.length);
        if (n == 0) {
            // No member song: every weight of a masked softmin would be 0/0 (MODELS.md §0.4).
            for (int item : items) {
                out.add(new Attention(item, attended, new float[1][0]));
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
        INDArray alpha = graph().output(feed, attentionName).get(attentionName);
        for (int row = 0; row < items.length; row++) {
            float[] full = alpha.getRow(row).toFloatVector();
            out.add(new Attention(items[row], attended, new float[][] {Arrays.copyOf(full, n)}));
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
            attentionName = model.forward(sd, sd::getVariable, in).weights().name();
            attentionGraph = sd;
        }
        return attentionGraph;
    }
}
