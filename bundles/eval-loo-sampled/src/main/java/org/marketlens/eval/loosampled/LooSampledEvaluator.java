package org.marketlens.eval.loosampled;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.data.BasketLeaveOneOutSplitter;
import org.marketlens.framework.data.LeaveOneOutSplitter;
import org.marketlens.framework.data.PlaylistLeaveOneOutSplitter;
import org.marketlens.framework.eval.RankingEvaluation;
import org.osgi.service.component.annotations.Component;

/**
 * The leave-one-out protocol with sampled candidates (MODELS.md §4.8; also §3.12, §5.7): per user the last
 * interaction is the test item and one random earlier one the validation item, each ranked against {@code negatives}
 * items the user never interacted with, scored by HIT@k and NDCG@k; ties count against the positive unless
 * {@code ties=optimistic}. A dataset published already split (e.g. {@code ncf-split}) is used exactly as
 * published. With {@code split=basket} the shopping-basket task's split is used instead (A-40,
 * {@link BasketLeaveOneOutSplitter}): the held-out items come from the user's last transaction, each with the
 * other items of that transaction as its context. With {@code split=playlist} each playlist holds out two random
 * songs (MODELS.md §3.12, {@link PlaylistLeaveOneOutSplitter}). Parameters are parsed by {@link ProtocolParams}.
 */
@Component(property = PluginProperties.NAME + "=" + LooSampledEvaluator.NAME)
public final class LooSampledEvaluator implements Evaluator {
    static final String NAME = "loo-sampled";

    @Override
    public Split split(Dataset data, Map<String, Object> params, long seed) {
        ProtocolParams p = ProtocolParams.parse(params);
        if (data.presplit().isPresent()) {
            Split published = data.presplit().get();
            Map<String, Object> facts = new LinkedHashMap<>(published.facts());
            facts.put("presplit", published.protocol());
            return new Split(NAME, published.train(), published.validation(), published.test(), facts);
        }
        return switch (p.split()) {
            case "basket" -> new BasketLeaveOneOutSplitter(p.negatives()).split(data.interactions(), NAME, seed);
            case "playlist" -> new PlaylistLeaveOneOutSplitter(p.negatives()).split(data.interactions(), NAME, seed);
            default -> new LeaveOneOutSplitter(p.negatives()).split(data.interactions(), NAME, seed);
        };
    }

    @Override
    public EvaluationResult evaluate(Recommender model, InteractionData train, List<EvalCase> cases,
                                     Map<String, Object> params) {
        ProtocolParams p = ProtocolParams.parse(params);
        return new RankingEvaluation(p.metrics(), p.ties()).evaluate(NAME, model, train, cases);
    }
}
