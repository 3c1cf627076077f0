package org.marketlens.model.fism;

import java.util.List;
import java.util.Map;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.nn.SameDiffModelProvider;
import org.osgi.service.component.annotations.Component;

/**
 * FISM (MODELS.md §3.11), the item-similarity baseline of Chapter 4.3: a candidate song scored by its dot products
 * with the other songs of the playlist ({@link FismModel}), trained by the experiment's pairwise loss (BPR for the
 * dissertation's fair comparison; APR works unchanged). Its member list is the basket-task context: in training the
 * other training songs of the row's playlist, at inference the query's context (the playlist's training songs,
 * Trained and served through {@link FismKernel} (the framework's kernel path; the graph with
 * {@code -Dmarketlens.kernels=false} or for losses without a score gradient, e.g. APR after its BPR pre-training).
 */
@Component(service = ModelProvider.class, property = {PluginProperties.NAME + "=" + FismProvider.NAME,
        PluginProperties.TASKS + "=basket"})
public final class FismProvider extends SameDiffModelProvider<FismModel> {
    static final String NAME = "FISM";

    public FismProvider() {
        super(NAME, List.of(new HyperParameter("dim", 64, "embedding size d, in {8, 16, 32, 64} (MODELS.md §3.12)"),
                new HyperParameter("lambda", 0.0001,
                        "L2 weight λ on the batch's candidate rows [q|b] and member rows p, in {0, 1e-1..1e-4} (MODELS.md §3.12, A-6)"),
                new HyperParameter("alpha", 0.5,
                        "FISM's agreement exponent α in [0, 1]: the member sum is scaled by |T'|^-α (0: sum, 1: mean)"),
                new HyperParameter("contextSize", 64,
                        "member slots s (padded and masked); training fills a playlist's first s other songs, inference its last s training songs, so keep s >= the largest playlist's training songs (AOTM subset after minGroupSize 5: 20,002 playlists of 5-60 songs, mean 19.8, so at most 58 training songs)")));
    }

    @Override
    protected FismModel model(Map<String, Object> values) {
        return new FismModel(intValue(values, "numItems"), intValue(values, "dim"), intValue(values, "contextSize"),
                doubleValue(values, "alpha"), doubleValue(values, "lambda"));
    }
}
