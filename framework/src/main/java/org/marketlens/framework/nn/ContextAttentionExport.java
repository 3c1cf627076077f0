package org.marketlens.framework.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.nn.AttentionWeights;
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
 * Adds {@link AttentionWeights} to a served model that attends over its query's context window (SDM's per-hop
 * {@code a^(h)_ijk}, Eq. 5.10 and 5.16, for Figure 5.6; MASS's {@code α_ikt}, Eq. 4.27, one hop, for Figure 4.13).
 * Scores and snapshots stay the wrapped recommender's. The window is the serving one (the {@code s} latest query
 * items, {@link ContextWindows#fillQuery}), replicated for every candidate row and fed to the model's own score graph,
 * built on first use with the trained parameters as constants, so the exported weights are exactly the ones the score
 * used; each hop's row is trimmed to the {@code n} real members, padding left out (MODELS.md §0.4). With no member
 * every weight of a masked softmax would be 0/0, so each candidate gets {@code hops} empty rows and no graph runs.
 * Calls are serialised (a SameDiff session is not thread-safe).
 */
public final class ContextAttentionExport extends ForwardingRecommender implements AttentionWeights {
    /** The model-specific part: which variables of a model's score graph hold its attention. */
    @FunctionalInterface
    public interface AttentionGraph {
        /**
         * @param sd the graph, with every trained parameter as a constant of its name
         * @param in placeholders {@code users}, {@code items} {@code [b]}, {@code context}, {@code contextMask}
         *           {@code [b, s]}
         * @return per hop, the {@code [b, s]} attention weights over the window, hop 1 first
         */
        List<SDVariable> attention(SameDiff sd, ScoreInputs in);
    }

    private final Map<String, INDArray> parameters;
    private final ContextWindows windows;
    private final int hops;
    private final AttentionGraph attentionGraph;
    private SameDiff graph;
    private String[] attentionNames;

    /**
     * @param serving        the recommender that scores and saves
     * @param parameters     its trained parameters
     * @param contextSize    the model's window size {@code s}
     * @param hops           the number of attention outputs {@code graph} returns
     * @param attentionGraph builds the model's attention outputs
     */
    public ContextAttentionExport(Recommender serving, Map<String, INDArray> parameters, int contextSize, int hops,
            AttentionGraph attentionGraph) {
        super(serving);
        this.parameters = parameters;
        this.windows = new ContextWindows(contextSize);
        this.hops = hops;
        this.attentionGraph = attentionGraph;
    }

    @Override
    public synchronized List<Attention> attention(Query query, int[] items) {
        int s = windows.size();
        int[] window = new int[s];
        float[] windowMask = new float[s];
        int n = windows.fillQuery(query.context(), window, windowMask, 0);
        int[] attended = Arrays.copyOf(window, n);
        float[][][] perItem = new float[items.length][hops][0];
        if (n > 0 && items.length > 0) {
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
            Map<String, INDArray> result = graph().output(feed, attentionNames);
            for (int h = 0; h < hops; h++) {
                INDArray a = result.get(attentionNames[h]);
                for (int row = 0; row < items.length; row++) {
                    perItem[row][h] = Arrays.copyOf(a.getRow(row).toFloatVector(), n);
                }
            }
        }
        List<Attention> out = new ArrayList<>(items.length);
        for (int row = 0; row < items.length; row++) {
            out.add(new Attention(items[row], attended, perItem[row]));
        }
        return out;
    }

    private SameDiff graph() {
        if (graph == null) {
            SameDiff sd = SameDiff.create();
            int s = windows.size();
            ScoreInputs in = new ScoreInputs(sd.placeHolder("users", DataType.INT, -1),
                    sd.placeHolder("items", DataType.INT, -1), sd.placeHolder("context", DataType.INT, -1, s),
                    sd.placeHolder("contextMask", DataType.FLOAT, -1, s));
            parameters.forEach(sd::constant);
            List<SDVariable> attention = attentionGraph.attention(sd, in);
            if (attention.size() != hops) {
                throw new IllegalStateException("the attention graph has " + attention.size() + " hops, expected "
                        + hops);
            }
            attentionNames = attention.stream().map(SDVariable::name).toArray(String[]::new);
            graph = sd;
        }
        return graph;
    }
}
