package org.marketlens.api.eval;

import java.util.List;
import java.util.Map;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.api.rec.Recommender;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An evaluation protocol, registered with {@code marketlens.name} (e.g. {@code loo-sampled}): how data is split
 * and how a model is scored on the held-out cases.
 */
@ConsumerType
public interface Evaluator {
    /**
     * @param data   the dataset; a protocol that fits its published split uses that split as it is
     * @param params protocol parameters from the experiment spec
     * @param seed   split seed
     * @return the split; no held-out positive reaches its training data
     */
    Split split(Dataset data, Map<String, Object> params, long seed);

    /**
     * @param model  the model
     * @param train  the training data it saw
     * @param cases  validation or test cases of the split
     * @param params protocol parameters (cut-offs, tie rule)
     * @return per-case metric values
     */
    EvaluationResult evaluate(Recommender model, InteractionData train, List<EvalCase> cases, Map<String, Object> params);
}
