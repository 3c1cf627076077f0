package org.marketlens.api.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * A dense feature matrix: one row per project, one column per {@link Feature}; {@code NaN} marks a missing value.
 *
 * @param features columns
 * @param rows     values, {@code rows[i].length == features.size()}
 */
public record FeatureMatrix(List<Feature> features, double[][] rows) {
    /** Checks the shape. */
    public FeatureMatrix {
        features = List.copyOf(features);
        for (double[] r : rows) {
            if (r.length != features.size()) {
                throw new IllegalArgumentException("row of " + r.length + " values for " + features.size() + " features");
            }
        }
    }

    /** @return number of rows */
    public int numRows() {
        return rows.length;
    }

    /** @return number of columns */
    public int numColumns() {
        return features.size();
    }

    /** @return column names in order */
    public List<String> names() {
        List<String> out = new ArrayList<>(features.size());
        for (Feature f : features) {
            out.add(f.name());
        }
        return out;
    }

    /**
     * @param j column index
     * @return a copy of column j
     */
    public double[] column(int j) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][j];
        }
        return out;
    }

    /**
     * @param keep column names to keep, in the order wanted; unknown names are an error
     * @return the sub-matrix
     */
    public FeatureMatrix select(List<String> keep) {
        List<String> all = names();
        int[] idx = new int[keep.size()];
        List<Feature> f = new ArrayList<>(keep.size());
        for (int k = 0; k < idx.length; k++) {
            idx[k] = all.indexOf(keep.get(k));
            if (idx[k] < 0) {
                throw new IllegalArgumentException("no feature " + keep.get(k));
            }
            f.add(features.get(idx[k]));
        }
        double[][] out = new double[rows.length][idx.length];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < idx.length; k++) {
                out[i][k] = rows[i][idx[k]];
            }
        }
        return new FeatureMatrix(f, out);
    }

    /**
     * @param rowIndices rows to keep
     * @return the sub-matrix of those rows (rows are shared, not copied)
     */
    public FeatureMatrix rows(int[] rowIndices) {
        double[][] out = new double[rowIndices.length][];
        for (int k = 0; k < rowIndices.length; k++) {
            out[k] = rows[rowIndices[k]];
        }
        return new FeatureMatrix(features, out);
    }
}
