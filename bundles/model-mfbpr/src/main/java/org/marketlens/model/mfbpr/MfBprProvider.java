package org.marketlens.model.mfbpr;

import java.util.List;
import java.util.Map;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.nn.SameDiffModelProvider;
import org.osgi.service.component.annotations.Component;

/** MF-BPR (Rendle et al. 2009; MODELS.md §4.7): matrix factorization trained by the experiment's pairwise loss. */
@Component(service = ModelProvider.class,
        property = {PluginProperties.NAME + "=" + MfBprProvider.NAME, PluginProperties.TASKS + "=general"})
public final class MfBprProvider extends SameDiffModelProvider<MfBprModel> {
    static final String NAME = "MF-BPR";

    public MfBprProvider() {
        super(NAME, List.of(
                new HyperParameter("dim", 64, "embedding size d, in {8, 16, 32, 64, 128} (MODELS.md §4.8)"),
                new HyperParameter("lambda", 0.0001, "L2 weight λ on the rows of a batch, in {1e-1..1e-5} (MODELS.md §4.8)")));
    }

    @Override
    protected MfBprModel model(Map<String, Object> values) {
        return new MfBprModel(intValue(values, "numUsers"), intValue(values, "numItems"), intValue(values, "dim"),
                doubleValue(values, "lambda"));
    }
}
