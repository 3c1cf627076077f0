package org.marketlens.model.popularity;

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
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.train.HyperParameterValues;
import org.osgi.service.component.annotations.Component;

/** Popularity baseline: score(u, i) = number of training interactions of item i, the same for every user. */
@Component(property = {PluginProperties.NAME + "=" + PopularityProvider.NAME, PluginProperties.TASKS + "=general"})
public final class PopularityProvider implements ModelProvider {
    static final String NAME = "Popularity";
    private static final int FORMAT = 1;

    @Override
    public List<HyperParameter> hyperParameters() {
        return List.of();
    }

    @Override
    public Recommender train(InteractionData train, Map<String, Object> params, TrainingContext ctx) {
        HyperParameterValues.resolve(NAME, hyperParameters(), params);
        return new PopularityModel(Interactions.itemCounts(train));
    }

    @Override
    public Recommender load(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != FORMAT) {
            throw new IOException("not a Popularity snapshot of format " + FORMAT);
        }
        int[] counts = new int[data.readInt()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = data.readInt();
        }
        return new PopularityModel(counts);
    }

    private record PopularityModel(int[] counts) implements Recommender {
        @Override
        public int numItems() {
            return counts.length;
        }

        @Override
        public float[] score(Query query, int[] items) {
            float[] out = new float[items.length];
            for (int c = 0; c < items.length; c++) {
                out[c] = counts[items[c]];
            }
            return out;
        }

        @Override
        public void save(OutputStream out) throws IOException {
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(FORMAT);
            data.writeInt(counts.length);
            for (int c : counts) {
                data.writeInt(c);
            }
            data.flush();
        }
    }
}
