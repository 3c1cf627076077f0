package org.marketlens.api.data;

import java.util.Map;
import java.util.Optional;

/**
 * A loaded dataset: interactions plus, for data published already split (NCF-style files), that split.
 *
 * @param name         a short name for reports
 * @param interactions every interaction (for pre-split data: train, validation and test together)
 * @param presplit     the published split, when the source has one; protocols use it as it is
 * @param facts        source files with their SHA-256, loader parameters and counts, for the provenance
 */
public record Dataset(String name, InteractionData interactions, Optional<Split> presplit, Map<String, Object> facts) {
    public Dataset {
        facts = Map.copyOf(facts);
    }
}
