package org.marketlens.framework.als;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;

/**
 * The model every ALS variant returns: {@code score(u, p) = α_uᵀ β_p} (MODELS.md §2.1; the SPPMI biases are not
 * used for ranking). Immutable. Snapshot format 1: int format, UTF model name, ints m, n, k, then U and P as floats.
 */
public final class FactorRecommender implements Recommender {
    private static final int FORMAT = 1;
    private final String name;
    private final int m;
    private final int n;
    private final int k;
    private final float[] users;
    private final float[] items;

    /**
     * @param name  model name written into snapshots
     * @param k     latent dimension
     * @param users α, row-major [m, k] (kept, not copied)
     * @param items β, row-major [n, k] (kept, not copied)
     */
    public FactorRecommender(String name, int k, float[] users, float[] items) {
        if (users.length % k != 0 || items.length % k != 0) {
            throw new IllegalArgumentException("factor arrays must hold whole rows of length " + k);
        }
        this.name = name;
        this.k = k;
        this.m = users.length / k;
        this.n = items.length / k;
        this.users = users;
        this.items = items;
    }

    @Override
    public int numItems() {
        return n;
    }

    /** @return number of users */
    public int numUsers() {
        return m;
    }

    /** @return the latent dimension */
    public int dimension() {
        return k;
    }

    /** @return a copy of α, row-major [m, k] */
    public float[] userFactors() {
        return users.clone();
    }

    /** @return a copy of β, row-major [n, k] */
    public float[] itemFactors() {
        return items.clone();
    }

    @Override
    public float[] score(Query query, int[] candidates) {
        float[] out = new float[candidates.length];
        int u = query.user() * k;
        for (int c = 0; c < candidates.length; c++) {
            int p = candidates[c] * k;
            float sum = 0;
            for (int q = 0; q < k; q++) {
                sum += users[u + q] * items[p + q];
            }
            out[c] = sum;
        }
        return out;
    }

    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(FORMAT);
        data.writeUTF(name);
        data.writeInt(m);
        data.writeInt(n);
        data.writeInt(k);
        for (float v : users) {
            data.writeFloat(v);
        }
        for (float v : items) {
            data.writeFloat(v);
        }
        data.flush();
    }

    /**
     * @param in           snapshot written by {@link #save}
     * @param expectedName the model name the snapshot must carry
     * @return the model
     * @throws IOException on a read error or a snapshot of another model or format
     */
    public static FactorRecommender read(InputStream in, String expectedName) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int format = data.readInt();
        if (format != FORMAT) {
            throw new IOException("not an ALS factor snapshot of format " + FORMAT + " (got " + format + ")");
        }
        String name = data.readUTF();
        if (!name.equals(expectedName)) {
            throw new IOException("snapshot holds a " + name + " model, not " + expectedName);
        }
        int m = data.readInt();
        int n = data.readInt();
        int k = data.readInt();
        float[] users = new float[m * k];
        float[] items = new float[n * k];
        for (int i = 0; i < users.length; i++) {
            users[i] = data.readFloat();
        }
        for (int i = 0; i < items.length; i++) {
            items[i] = data.readFloat();
        }
        return new FactorRecommender(name, k, users, items);
    }
}
