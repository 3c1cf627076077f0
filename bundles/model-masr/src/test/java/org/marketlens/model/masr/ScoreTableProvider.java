package org.marketlens.model.masr;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.framework.train.HyperParameterValues;

/**
 * A stand-in for MDR or MASS whose scores are known: {@code score(user, item) = table[user][item] + shift}. It keeps
 * what each {@link #train} call received, so tests can check what MASR passes to its parts.
 */
final class ScoreTableProvider implements ModelProvider {
    private static final List<HyperParameter> HYPER_PARAMETERS = List.of(
            new HyperParameter("shift", 0.0, "added to every score"),
            new HyperParameter("dim", 8, "not used; checks that prefixed parameters arrive"));
    private final String name;
    private final float[][] table;
    /** Parameters of every train call, resolved against the declarations. */
    final List<Map<String, Object>> trainedWith = new ArrayList<>();
    /** Context of every train call. */
    final List<TrainingContext> trainedIn = new ArrayList<>();

    ScoreTableProvider(String name, float[][] table) {
        this.name = name;
        this.table = table;
    }

    @Override
    public List<HyperParameter> hyperParameters() {
        return HYPER_PARAMETERS;
    }

    @Override
    public Recommender train(InteractionData train, Map<String, Object> params, TrainingContext ctx) {
        HyperParameterValues values = HyperParameterValues.resolve(name, HYPER_PARAMETERS, params);
        trainedWith.add(values.asMap());
        trainedIn.add(ctx);
        ctx.record("trained", true);
        return new Table(name, table, (float) values.doubleValue("shift"));
    }

    @Override
    public Recommender load(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        String tag = data.readUTF();
        if (!tag.equals(name)) {
            throw new IOException("not a " + name + " snapshot: " + tag);
        }
        float shift = data.readFloat();
        float[][] t = new float[data.readInt()][data.readInt()];
        for (float[] row : t) {
            for (int j = 0; j < row.length; j++) {
                row[j] = data.readFloat();
            }
        }
        return new Table(name, t, shift);
    }

    /** The stand-in's trained model. */
    record Table(String name, float[][] table, float shift) implements Recommender {
        @Override
        public int numItems() {
            return table[0].length;
        }

        @Override
        public float[] score(Query query, int[] items) {
            float[] out = new float[items.length];
            for (int k = 0; k < items.length; k++) {
                out[k] = table[query.user()][items[k]] + shift;
            }
            return out;
        }

        @Override
        public void save(OutputStream out) throws IOException {
            DataOutputStream data = new DataOutputStream(out);
            data.writeUTF(name);
            data.writeFloat(shift);
            data.writeInt(table.length);
            data.writeInt(table[0].length);
            for (float[] row : table) {
                for (float v : row) {
                    data.writeFloat(v);
                }
            }
            data.flush();
        }
    }
}
