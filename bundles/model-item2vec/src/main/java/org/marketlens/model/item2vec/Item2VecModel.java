package org.marketlens.model.item2vec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;

/**
 * {@code score(u, i) = Σ_{j ∈ I_u} cos(v_i, v_j) = v̂_iᵀ (Σ_{j ∈ I_u} v̂_j)}: unit item vectors and one precomputed
 * profile per user. Snapshot format 1: int format, ints m, n, k, profiles then unit vectors as floats.
 */
final class Item2VecModel implements Recommender {
    private static final int FORMAT = 1;
    private final int k;
    private final float[] profiles;
    private final float[] units;

    private Item2VecModel(int k, float[] profiles, float[] units) {
        this.k = k;
        this.profiles = profiles;
        this.units = units;
    }

    static Item2VecModel of(float[] vectors, int k, int[][] liked) {
        float[] units = vectors.clone();
        for (int i = 0; i < units.length / k; i++) {
            double norm = 0;
            for (int d = 0; d < k; d++) {
                norm += units[i * k + d] * units[i * k + d];
            }
            float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
            for (int d = 0; d < k; d++) {
                units[i * k + d] *= scale;
            }
        }
        float[] profiles = new float[liked.length * k];
        for (int u = 0; u < liked.length; u++) {
            for (int j : liked[u]) {
                for (int d = 0; d < k; d++) {
                    profiles[u * k + d] += units[j * k + d];
                }
            }
        }
        return new Item2VecModel(k, profiles, units);
    }

    @Override
    public int numItems() {
        return units.length / k;
    }

    @Override
    public float[] score(Query query, int[] items) {
        float[] out = new float[items.length];
        int u = query.user() * k;
        for (int c = 0; c < items.length; c++) {
            int i = items[c] * k;
            float sum = 0;
            for (int d = 0; d < k; d++) {
                sum += profiles[u + d] * units[i + d];
            }
            out[c] = sum;
        }
        return out;
    }

    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(FORMAT);
        data.writeInt(profiles.length / k);
        data.writeInt(units.length / k);
        data.writeInt(k);
        for (float f : profiles) {
            data.writeFloat(f);
        }
        for (float f : units) {
            data.writeFloat(f);
        }
        data.flush();
    }

    static Item2VecModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != FORMAT) {
            throw new IOException("not an Item2Vec snapshot of format " + FORMAT);
        }
        int m = data.readInt();
        int n = data.readInt();
        int k = data.readInt();
        float[] profiles = new float[m * k];
        float[] units = new float[n * k];
        for (int i = 0; i < profiles.length; i++) {
            profiles[i] = data.readFloat();
        }
        for (int i = 0; i < units.length; i++) {
            units[i] = data.readFloat();
        }
        return new Item2VecModel(k, profiles, units);
    }
}
