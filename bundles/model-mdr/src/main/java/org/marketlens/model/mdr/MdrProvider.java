package org.marketlens.model.mdr;

import java.util.List;
import java.util.Map;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.nn.SameDiffModelProvider;
import org.osgi.service.component.annotations.Component;

/**
 * MDR (Eq. 4.20; MODELS.md §3.4) for (user, playlist, song) data, trained by the experiment's pairwise loss: BPR
 * (Eq. 4.30) or APR with flexible noise, which gives AMDR (§3.8). The playlist is the interaction's group; the
 * variants of Table 4.5 are {@code terms} = {@code us} / {@code ps} (§3.9).
 */
@Component(service = ModelProvider.class,
        property = {PluginProperties.NAME + "=" + MdrProvider.NAME, PluginProperties.TASKS + "=basket"})
public final class MdrProvider extends SameDiffModelProvider<MdrModel> {
    static final String NAME = "MDR";

    public MdrProvider() {
        super(NAME, List.of(
                new HyperParameter("dim", 64, "embedding size d, in {8, 16, 32, 64} (MODELS.md §3.12)"),
                new HyperParameter("lambda", 0.0001, "L2 weight λ_Θ on the batch rows and the metric vectors, "
                        + "in {0, 0.1, 0.01, 0.001, 0.0001} (MODELS.md §3.12, A-6)"),
                new HyperParameter("terms", "ups", "distance terms: ups = MDR (user and playlist), us = no playlist "
                        + "term, ps = no user term (Table 4.5, MODELS.md §3.9)")));
    }

    @Override
    protected MdrModel model(Map<String, Object> values) {
        MdrModel.Terms terms = MdrModel.Terms.of(String.valueOf(values.get("terms")));
        Object groups = values.get(NUM_GROUPS);
        if (terms.playlist && groups == null) {
            throw new IllegalArgumentException(NAME + " needs grouped data (playlists); the training data has none "
                    + "(load playlists, e.g. dataset \"playlists\" with format aotm, or use terms = us)");
        }
        return new MdrModel(intValue(values, "numUsers"), groups == null ? 0 : ((Number) groups).intValue(),
                intValue(values, "numItems"), intValue(values, "dim"), doubleValue(values, "lambda"), terms);
    }
}
