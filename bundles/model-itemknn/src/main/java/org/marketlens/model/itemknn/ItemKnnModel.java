package org.marketlens.model.itemknn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.BitSet;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;

/**
 * A trained ItemKNN (MODELS.md §4.7): {@code score(u,i) = sum_{j in I_u ∩ N_k(i)} sim(i,j)}, where {@code I_u} are
 * the user's distinct training items and {@code N_k(i)} the neighbours kept for i. A query whose user is outside the
 * training users is scored from its context items instead. Immutable, so safe to share between threads.
 */
final class ItemKnnModel implements Recommender {
    private static final String MAGIC = "marketlens/ItemKNN";
    private static final int FORMAT = 1;

    private final UserRows rows;
    private final CosineNeighbours neighbours;

    ItemKnnModel(UserRows rows, CosineNeighbours neighbours) {
        this.rows = rows;
        this.neighbours = neighbours;
    }

    @Override
    public int numItems() {
        return rows.numItems();
    }

    @Override
    public float[] score(Query query, int[] items) {
        BitSet history = history(query);
        int[] start = neighbours.start();
        int[] ids = neighbours.items();
        float[] sims = neighbours.sims();
        float[] out = new float[items.length];
        for (int c = 0; c < items.length; c++) {
            int i = items[c];
            double sum = 0;
            for (int p = start[i]; p < start[i + 1]; p++) {
                if (history.get(ids[p])) {
                    sum += sims[p];
                }
            }
            out[c] = (float) sum;
        }
        return out;
    }

    private BitSet history(Query query) {
        BitSet history = new BitSet(rows.numItems());
        int u = query.user();
        if (u >= 0 && u < rows.numUsers()) {
            for (int k = rows.start()[u]; k < rows.start()[u + 1]; k++) {
                history.set(rows.items()[k]);
            }
        } else {
            for (int j : query.context()) {
                history.set(j);
            }
        }
        return history;
    }

    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeUTF(MAGIC);
        data.writeInt(FORMAT);
        data.writeInt(rows.numItems());
        writeInts(data, rows.start());
        writeInts(data, rows.items());
        writeInts(data, neighbours.start());
        writeInts(data, neighbours.items());
        data.writeInt(neighbours.sims().length);
        for (float s : neighbours.sims()) {
            data.writeFloat(s);
        }
        data.flush();
    }

    /** Reads a snapshot written by {@link #save}. */
    static ItemKnnModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        String magic = data.readUTF();
        int format = data.readInt();
        if (!MAGIC.equals(magic) || format != FORMAT) {
            throw new IOException("not an ItemKNN snapshot of format " + FORMAT + " (found '" + magic + "' format "
                    + format + ")");
        }
        int numItems = data.readInt();
        UserRows rows = new UserRows(numItems, readInts(data), readInts(data));
        int[] start = readInts(data);
        int[] ids = readInts(data);
        float[] sims = new float[data.readInt()];
        for (int p = 0; p < sims.length; p++) {
            sims[p] = data.readFloat();
        }
        if (start.length != numItems + 1 || ids.length != sims.length || start[numItems] != ids.length) {
            throw new IOException("corrupt ItemKNN snapshot: neighbour table does not match " + numItems + " items");
        }
        return new ItemKnnModel(rows, new CosineNeighbours(start, ids, sims));
    }

    private static void writeInts(DataOutputStream data, int[] values) throws IOException {
        data.writeInt(values.length);
        for (int v : values) {
            data.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream data) throws IOException {
        int n = data.readInt();
        if (n < 0) {
            throw new IOException("corrupt ItemKNN snapshot: negative array length " + n);
        }
        int[] values = new int[n];
        for (int p = 0; p < n; p++) {
            values[p] = data.readInt();
        }
        return values;
    }
}
