package org.marketlens.model.slim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.cooccurrence.SparseRows;

/**
 * A trained SLIM (MODELS.md §4.7): {@code score(u, j) = (A W)[u, j] = Σ_{k ∈ I_u} W[k, j]} over the user's distinct
 * training items {@code I_u}. A query whose user is outside the training users is scored from its context items.
 * Immutable, so safe to share between threads.
 */
final class SlimModel implements Recommender {
    private static final String MAGIC = "marketlens/SLIM";
    private static final int FORMAT = 1;

    private final SparseRows users;
    private final SparseRows weights;

    /**
     * @param users   A, users × items
     * @param weights W by source item, items × items
     */
    SlimModel(SparseRows users, SparseRows weights) {
        if (weights.rows() != users.cols() || weights.cols() != users.cols()) {
            throw new IllegalArgumentException("W must be " + users.cols() + " x " + users.cols() + ", got "
                    + weights.rows() + " x " + weights.cols());
        }
        this.users = users;
        this.weights = weights;
    }

    @Override
    public int numItems() {
        return users.cols();
    }

    /** @return W (by source item) */
    SparseRows weights() {
        return weights;
    }

    @Override
    public float[] score(Query query, int[] items) {
        float[] all = scoreAll(query);
        float[] out = new float[items.length];
        for (int c = 0; c < items.length; c++) {
            out[c] = all[items[c]];
        }
        return out;
    }

    @Override
    public float[] scoreAll(Query query) {
        double[] sums = new double[numItems()];
        int u = query.user();
        if (u >= 0 && u < users.rows()) {
            for (int e = users.rowStart()[u]; e < users.rowStart()[u + 1]; e++) {
                add(users.columns()[e], sums);
            }
        } else {
            java.util.BitSet seen = new java.util.BitSet(numItems());
            for (int k : query.context()) {
                if (!seen.get(k)) {
                    seen.set(k);
                    add(k, sums);
                }
            }
        }
        float[] out = new float[sums.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = (float) sums[j];
        }
        return out;
    }

    private void add(int k, double[] sums) {
        for (int e = weights.rowStart()[k]; e < weights.rowStart()[k + 1]; e++) {
            sums[weights.columns()[e]] += weights.values()[e];
        }
    }

    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeUTF(MAGIC);
        data.writeInt(FORMAT);
        write(data, users);
        write(data, weights);
        data.flush();
    }

    /** Reads a snapshot written by {@link #save}. */
    static SlimModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        String magic = data.readUTF();
        int format = data.readInt();
        if (!MAGIC.equals(magic) || format != FORMAT) {
            throw new IOException("not a SLIM snapshot of format " + FORMAT + " (found '" + magic + "' format "
                    + format + ")");
        }
        try {
            return new SlimModel(read(data), read(data));
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt SLIM snapshot: " + e.getMessage(), e);
        }
    }

    private static void write(DataOutputStream data, SparseRows m) throws IOException {
        data.writeInt(m.rows());
        data.writeInt(m.cols());
        for (int s : m.rowStart()) {
            data.writeInt(s);
        }
        for (int c : m.columns()) {
            data.writeInt(c);
        }
        for (float v : m.values()) {
            data.writeFloat(v);
        }
    }

    private static SparseRows read(DataInputStream data) throws IOException {
        int rows = data.readInt();
        int cols = data.readInt();
        if (rows < 0 || cols < 0) {
            throw new IOException("corrupt SLIM snapshot: negative matrix size " + rows + " x " + cols);
        }
        int[] start = new int[rows + 1];
        for (int r = 0; r <= rows; r++) {
            start[r] = data.readInt();
        }
        int nnz = start[rows];
        if (nnz < 0) {
            throw new IOException("corrupt SLIM snapshot: negative non-zero count " + nnz);
        }
        int[] columns = new int[nnz];
        for (int e = 0; e < nnz; e++) {
            columns[e] = data.readInt();
        }
        float[] values = new float[nnz];
        for (int e = 0; e < nnz; e++) {
            values[e] = data.readFloat();
        }
        return new SparseRows(rows, cols, start, columns, values);
    }
}
