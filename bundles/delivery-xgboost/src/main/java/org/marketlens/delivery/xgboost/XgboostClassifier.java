package org.marketlens.delivery.xgboost;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.marketlens.api.delivery.DeliveryPredictor;
import org.marketlens.api.delivery.DeliveryTarget;
import org.marketlens.api.delivery.FeatureMatrix;
import org.marketlens.api.delivery.FittedPredictor;
import org.marketlens.api.rec.PluginProperties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The on-time/late classifier of MODELS.md §1.7: XGBoost {@code binary:logistic}; missing values (NaN) are handled
 * natively. Hyper-parameters are not reported: the defaults below are XGBoost's.
 */
@Component(service = DeliveryPredictor.class, property = {PluginProperties.NAME + "=" + XgboostClassifier.NAME,
    DeliveryPredictor.TARGET + "=LATE"})
@Designate(ocd = XgboostClassifier.Config.class)
public final class XgboostClassifier implements DeliveryPredictor {
    static final String NAME = "xgboost";

    /** Hyper-parameters (A-18 defaults). */
    @ObjectClassDefinition(name = "XGBoost delivery classifier")
    public @interface Config {
        /** @return tree depth */
        @AttributeDefinition(description = "max_depth (A-18 default 6)")
        int maxDepth() default 6;

        /** @return learning rate */
        @AttributeDefinition(description = "eta (A-18 default 0.3)")
        double eta() default 0.3;

        /** @return boosting rounds */
        @AttributeDefinition(description = "boosting rounds (A-18 default 100)")
        int rounds() default 100;

        /** @return row subsample */
        @AttributeDefinition(description = "subsample (1 = XGBoost default; A-18 tunes 0.8)")
        double subsample() default 1.0;

        /** @return column subsample */
        @AttributeDefinition(description = "colsample_bytree (1 = XGBoost default; A-18 tunes 0.8)")
        double colsampleBytree() default 1.0;
    }

    private Map<String, Object> params = params(6, 0.3, 1.0, 1.0);
    private int rounds = 100;

    /** Default hyper-parameters. */
    public XgboostClassifier() {
    }

    /**
     * @param maxDepth tree depth
     * @param eta      learning rate
     * @param rounds   boosting rounds
     */
    public XgboostClassifier(int maxDepth, double eta, int rounds) {
        this.params = params(maxDepth, eta, 1.0, 1.0);
        this.rounds = rounds;
    }

    @Activate
    void activate(Config c) {
        params = params(c.maxDepth(), c.eta(), c.subsample(), c.colsampleBytree());
        rounds = c.rounds();
    }

    private static Map<String, Object> params(int depth, double eta, double subsample, double colsample) {
        return Map.of("objective", "binary:logistic", "max_depth", depth, "eta", eta, "subsample", subsample,
                "colsample_bytree", colsample, "nthread", 1, "verbosity", 0);
    }

    @Override
    public DeliveryTarget target() {
        return DeliveryTarget.LATE;
    }

    @Override
    public FittedPredictor fit(FeatureMatrix x, double[] y, long seed) {
        return BoostedModel.train(x, y, params, rounds, seed);
    }

    @Override
    public FittedPredictor load(InputStream in) throws IOException {
        return BoostedModel.read(new DataInputStream(in));
    }

    /** @return the names of the hyper-parameters in use, for provenance */
    public Map<String, Object> hyperParameters() {
        return Map.of("params", params, "rounds", rounds, "features", List.of());
    }
}
