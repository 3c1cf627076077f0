package org.marketlens.model.itemknn;

import java.util.stream.IntStream;

/**
 * Sparse top-k item–item cosine similarities on the binary interaction matrix (MODELS.md §4.7):
 * {@code sim(i,j) = |U_i ∩ U_j| / (sqrt|U_i| * sqrt|U_j| + shrink)}, {@code U_i} = users with item i in training.
 * For each item i only its {@code k} most similar other items are kept (ties: lower item index first); k = 0 keeps
 * every item with a positive similarity. Self-similarity is never stored. Rows are computed in parallel over items
 * with one co-occurrence counter per row, so memory stays O(numItems * k), not O(numItems^2).
 *
 * <p>Invariant: {@code start} has {@code numItems + 1} entries; the neighbours of item i are
 * {@code items[start[i]..start[i+1])}, ascending by index, with similarities in {@code sims} at the same offsets.
 */
record CosineNeighbours(int[] start, int[] items, float[] sims) {

    /**
     * @param rows      the binary user × item matrix
     * @param k         neighbours kept per item (0 = all)
     * @param shrink    the shrink term added to the denominator (>= 0)
     * @return the neighbour lists
     */
    static CosineNeighbours build(UserRows rows, int k, double shrink) {
        UserRows byItem = rows.transpose();
        int numItems = rows.numItems();
        int[][] rowItems = new int[numItems][];
        float[][] rowSims = new float[numItems][];
        ThreadLocal<int[][]> scratch = ThreadLocal.withInitial(() -> new int[2][numItems]);
        IntStream.range(0, numItems).parallel().forEach(i -> {
            int[][] buffers = scratch.get();
            Row row = row(rows, byItem, i, k, shrink, buffers[0], buffers[1]);
            rowItems[i] = row.items;
            rowSims[i] = row.sims;
        });
        int[] start = new int[numItems + 1];
        for (int i = 0; i < numItems; i++) {
            start[i + 1] = start[i] + rowItems[i].length;
        }
        int[] items = new int[start[numItems]];
        float[] sims = new float[start[numItems]];
        for (int i = 0; i < numItems; i++) {
            System.arraycopy(rowItems[i], 0, items, start[i], rowItems[i].length);
            System.arraycopy(rowSims[i], 0, sims, start[i], rowSims[i].length);
        }
        return new CosineNeighbours(start, items, sims);
    }

    int numItems() {
        return start.length - 1;
    }

    private record Row(int[] items, float[] sims) {
    }

    /**
     * Counts co-occurrences of item i with every item through i's users, then keeps the top k cosines.
     *
     * @param co      scratch co-occurrence counts, all zero on entry and on exit
     * @param touched scratch list of items with a non-zero count
     */
    private static Row row(UserRows rows, UserRows byItem, int i, int k, double shrink, int[] co, int[] touched) {
        int nTouched = 0;
        for (int p = byItem.start()[i]; p < byItem.start()[i + 1]; p++) {
            int u = byItem.items()[p];
            for (int q = rows.start()[u]; q < rows.start()[u + 1]; q++) {
                int j = rows.items()[q];
                if (j != i && co[j]++ == 0) {
                    touched[nTouched++] = j;
                }
            }
        }
        double normI = Math.sqrt(byItem.start()[i + 1] - byItem.start()[i]);
        int keep = k == 0 ? nTouched : Math.min(k, nTouched);
        TopK top = new TopK(keep);
        for (int t = 0; t < nTouched; t++) {
            int j = touched[t];
            double normJ = Math.sqrt(byItem.start()[j + 1] - byItem.start()[j]);
            top.offer((float) (co[j] / (normI * normJ + shrink)), j);
            co[j] = 0;
        }
        return top.drain();
    }

    /**
     * A bounded min-heap of (similarity, item) packed in a long so that a larger long is a better neighbour: the
     * positive float's bits are monotone, and the low word orders equal similarities by lower item index first.
     */
    private static final class TopK {
        private final long[] heap;
        private int size;

        TopK(int capacity) {
            heap = new long[capacity];
        }

        void offer(float sim, int item) {
            if (heap.length == 0 || !(sim > 0)) {
                return;
            }
            long key = ((long) Float.floatToIntBits(sim) << 32) | (Integer.MAX_VALUE - item);
            if (size < heap.length) {
                heap[size] = key;
                up(size++);
            } else if (key > heap[0]) {
                heap[0] = key;
                down(0);
            }
        }

        /** @return the kept neighbours in ascending item order */
        Row drain() {
            long[] byItem = new long[size];
            for (int p = 0; p < size; p++) {
                int item = Integer.MAX_VALUE - (int) heap[p];
                byItem[p] = ((long) item << 32) | (heap[p] >>> 32);
            }
            java.util.Arrays.sort(byItem);
            int[] items = new int[size];
            float[] sims = new float[size];
            for (int p = 0; p < size; p++) {
                items[p] = (int) (byItem[p] >>> 32);
                sims[p] = Float.intBitsToFloat((int) byItem[p]);
            }
            return new Row(items, sims);
        }

        private void up(int p) {
            while (p > 0) {
                int parent = (p - 1) / 2;
                if (heap[parent] <= heap[p]) {
                    return;
                }
                swap(p, parent);
                p = parent;
            }
        }

        private void down(int p) {
            while (true) {
                int l = 2 * p + 1;
                int smallest = p;
                if (l < size && heap[l] < heap[smallest]) {
                    smallest = l;
                }
                if (l + 1 < size && heap[l + 1] < heap[smallest]) {
                    smallest = l + 1;
                }
                if (smallest == p) {
                    return;
                }
                swap(p, smallest);
                p = smallest;
            }
        }

        private void swap(int a, int b) {
            long t = heap[a];
            heap[a] = heap[b];
            heap[b] = t;
        }
    }
}
