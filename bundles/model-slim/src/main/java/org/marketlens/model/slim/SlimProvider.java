package org.marketlens.model.slim;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.framework.train.HyperParameterValues;
import org.osgi.service.component.annotations.Component;

/**
 * SLIM baseline (Ning and Karypis, ICDM 2011; MODELS.md §4.7, Group-1): {@code min_W ||A − AW||² + λ1 ||W||_1 +
 * λ2 ||W||²} with {@code W ≥ 0} and {@code diag(W) = 0} (the standard constraints, [ASSUMPTION] in MODELS.md),
 * solved column by column by coordinate descent ({@link SlimColumnDescent}, {@link SlimFit}); scores
 * {@code (AW)[u, i]} ({@link SlimModel}). The objective carries no ½, so λ1 and λ2 are twice the paper's λ and
 * equal to its β. One fit, so the context's epochs, validation and loss are not used; λ1, λ2 are tuned by the
 * experiment's grid on the validation split (MODELS.md §4.8).
 */
@Component(property = {PluginProperties.NAME + "=" + SlimProvider.NAME, PluginProperties.TASKS + "=general"})
public final class SlimProvider implements ModelProvider {
    static final String NAME = "SLIM";
    private static final List<HyperParameter> HYPER_PARAMETERS = List.of(
            new HyperParameter("l1", 1.0, "λ1 on ||W||_1 (MODELS.md §4.7); the paper's 2λ"),
            new HyperParameter("l2", 5.0, "λ2 on ||W||² (MODELS.md §4.7); the paper's β"),
            new HyperParameter("keep", 100, "largest coefficients kept per column of W; 0 keeps every non-zero"),
            new HyperParameter("maxSweeps", 100, "coordinate-descent sweeps per column at most"),
            new HyperParameter("tolerance", 1e-4,
                    "a column stops when a sweep changes no weight by more than this times its largest weight"));

    @Override
    public List<HyperParameter> hyperParameters() {
        return HYPER_PARAMETERS;
    }

    @Override
    public Recommender train(InteractionData train, Map<String, Object> params, TrainingContext ctx) {
        HyperParameterValues values = HyperParameterValues.resolve(NAME, HYPER_PARAMETERS, params);
        long start = System.nanoTime();
        SlimFit fit = SlimFit.fit(train, values.doubleValue("l1"), values.doubleValue("l2"), values.intValue("keep"),
                values.intValue("maxSweeps"), values.doubleValue("tolerance"));
        ctx.record("fitSeconds", (System.nanoTime() - start) / 1e9);
        ctx.record("nonZeros", fit.weights().nonZeros());
        ctx.record("meanSweeps", Arrays.stream(fit.sweeps()).average().orElse(0));
        ctx.record("maxSweeps", Arrays.stream(fit.sweeps()).max().orElse(0));
        return new SlimModel(fit.users(), fit.weights());
    }

    @Override
    public Recommender load(InputStream in) throws IOException {
        return SlimModel.read(in);
    }
}
