package org.marketlens.delivery.xgboost;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.marketlens.api.delivery.FeatureMatrix;
import org.marketlens.api.delivery.FittedPredictor;

/** A trained booster with the column names it expects; snapshot = format, names, UBJSON model bytes. */
final class BoostedModel implements FittedPredictor {
    private static final int FORMAT = 1;
    private final List<String> names;
    private final Booster booster;

    private BoostedModel(List<String> names, Booster booster) {
        this.names = List.copyOf(names);
        this.booster = booster;
    }

    static BoostedModel train(FeatureMatrix x, double[] y, Map<String, Object> params, int rounds, long seed) {
        try {
            Map<String, Object> p = new HashMap<>(params);
            p.put("seed", (int) (seed & 0x7fffffff));
            DMatrix d = matrix(x);
            float[] labels = new float[y.length];
            for (int i = 0; i < y.length; i++) {
                labels[i] = (float) y[i];
            }
            d.setLabel(labels);
            Booster b = XGBoost.train(d, p, rounds, new HashMap<>(), null, null);
            d.dispose();
            return new BoostedModel(x.names(), b);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        }
    }

    static DMatrix matrix(FeatureMatrix x) throws XGBoostError {
        int n = x.numRows();
        int m = x.numColumns();
        float[] data = new float[Math.max(1, n * m)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                data[i * m + j] = (float) x.rows()[i][j];
            }
        }
        return new DMatrix(data, n, m, Float.NaN);
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    @Override
    public double[] predict(FeatureMatrix x) {
        FeatureMatrix sel = x.select(names);
        if (sel.numRows() == 0) {
            return new double[0];
        }
        try {
            DMatrix d = matrix(sel);
            float[][] p = booster.predict(d);
            d.dispose();
            double[] out = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                out[i] = p[i][0];
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(FORMAT);
        d.writeInt(names.size());
        for (String s : names) {
            d.writeUTF(s);
        }
        try {
            byte[] bytes = booster.toByteArray("ubj");
            d.writeInt(bytes.length);
            d.write(bytes);
        } catch (XGBoostError e) {
            throw new IOException("cannot serialise the booster: " + e.getMessage(), e);
        }
        d.flush();
    }

    static BoostedModel read(DataInputStream in) throws IOException {
        if (in.readInt() != FORMAT) {
            throw new IOException("not an XGBoost delivery snapshot of format " + FORMAT);
        }
        int n = in.readInt();
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(in.readUTF());
        }
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        try {
            return new BoostedModel(names, XGBoost.loadModel(bytes));
        } catch (XGBoostError e) {
            throw new IOException("cannot read the booster: " + e.getMessage(), e);
        }
    }
}
