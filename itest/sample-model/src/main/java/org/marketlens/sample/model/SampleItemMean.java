package org.marketlens.sample.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;

/**
 * Sample third-party model: score(u, i) = number of distinct training users who interacted with item i (repeat
 * interactions of one user count once), the same for every user. Written against the API only.
 */
final class SampleItemMean implements ModelProvider {
    static final String NAME = "SampleItemMean";
    private static final int FORMAT = 1;

    @Override
    public List<HyperParameter> hyperParameters() {
        return List.of();
    }

    @Override
    public Recommender train(InteractionData train, Map<String, Object> params, TrainingContext ctx) {
        if (!params.isEmpty()) {
            throw new IllegalArgumentException(NAME + " has no hyper-parameters; got " + params.keySet());
        }
        int[] users = new int[train.numItems()];
        for (int u = 0; u < train.numUsers(); u++) {
            int[] items = train.itemsOf(u);
            java.util.Arrays.sort(items);
            for (int k = 0; k < items.length; k++) {
                if (k == 0 || items[k] != items[k - 1]) {
                    users[items[k]]++;
                }
            }
        }
        return new Model(users);
    }

    @Override
    public Recommender load(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != FORMAT) {
            throw new IOException("not a " + NAME + " snapshot of format " + FORMAT);
        }
        int[] users = new int[data.readInt()];
        for (int i = 0; i < users.length; i++) {
            users[i] = data.readInt();
        }
        return new Model(users);
    }

    private record Model(int[] users) implements Recommender {
        @Override
        public int numItems() {
            return users.length;
        }

        @Override
        public float[] score(Query query, int[] items) {
            float[] out = new float[items.length];
            for (int c = 0; c < items.length; c++) {
                out[c] = users[items[c]];
            }
            return out;
        }

        @Override
        public void save(OutputStream out) throws IOException {
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(FORMAT);
            data.writeInt(users.length);
            for (int u : users) {
                data.writeInt(u);
            }
            data.flush();
        }
    }
}
