package org.marketlens.delivery.baselines;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.marketlens.api.delivery.DeliveryPredictor;
import org.marketlens.api.delivery.DeliveryTarget;
import org.marketlens.api.delivery.FeatureMatrix;
import org.marketlens.api.delivery.FittedPredictor;
import org.marketlens.api.rec.PluginProperties;
import org.osgi.service.component.annotations.Component;

/**
 * Baseline 1 of MODELS.md §1.7: predict the training majority class for everyone (the dissertation's data is
 * 54.36% late, so "late"). Ties go to late.
 */
@Component(service = DeliveryPredictor.class, property = {PluginProperties.NAME + "=" + MajorityClass.NAME,
    DeliveryPredictor.TARGET + "=LATE"})
public final class MajorityClass implements DeliveryPredictor {
    static final String NAME = "majority";

    @Override
    public DeliveryTarget target() {
        return DeliveryTarget.LATE;
    }

    @Override
    public FittedPredictor fit(FeatureMatrix x, double[] y, long seed) {
        double late = 0;
        for (double v : y) {
            late += v;
        }
        return new Constant(late * 2 >= y.length ? 1.0 : 0.0);
    }

    @Override
    public FittedPredictor load(InputStream in) throws IOException {
        return new Constant(new DataInputStream(in).readDouble());
    }

    private record Constant(double value) implements FittedPredictor {
        @Override
        public List<String> featureNames() {
            return List.of();
        }

        @Override
        public double[] predict(FeatureMatrix x) {
            double[] out = new double[x.numRows()];
            Arrays.fill(out, value);
            return out;
        }

        @Override
        public void save(OutputStream out) throws IOException {
            DataOutputStream d = new DataOutputStream(out);
            d.writeDouble(value);
            d.flush();
        }
    }
}
