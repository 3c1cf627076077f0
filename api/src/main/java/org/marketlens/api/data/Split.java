package org.marketlens.api.data;

import java.util.List;
import java.util.Map;

/**
 * Training data plus held-out validation and test cases. No validation or test positive is in
 * {@code train}.
 *
 * @param protocol   name of the protocol that made it (e.g. {@code loo-sampled})
 * @param train      training interactions
 * @param validation validation cases (may be empty)
 * @param test       test cases
 * @param facts      sizes, seed and checksums recorded in the provenance
 */
public record Split(String protocol, InteractionData train, List<EvalCase> validation, List<EvalCase> test,
                    Map<String, Object> facts) {
    public Split {
        validation = List.copyOf(validation);
        test = List.copyOf(test);
        facts = Map.copyOf(facts);
    }
}
