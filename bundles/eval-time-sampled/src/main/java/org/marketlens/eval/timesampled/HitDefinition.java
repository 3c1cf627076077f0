package org.marketlens.eval.timesampled;

/**
 * The meaning of HIT@N when a user has several test positives (MODELS.md §5.7, A-43). The dissertation says HIT
 * "measures whether all the test items are in the recommended list or not"; with one positive every definition is
 * the classic hit ratio.
 */
enum HitDefinition {
    /** Default: |Top_N ∩ Pos| / min(N, |Pos|), a recall-style hit (equals Recall@N of §2.11). */
    RECALL,
    /** 1 iff every positive is in Top_N (the literal reading; impossible when |Pos| > N). */
    ALL,
    /** 1 iff at least one positive is in Top_N. */
    ANY,
    /** Each positive ranked alone against the sampled negatives; the mean over positives of 1[rank &lt; N]. */
    PER_POSITIVE;

    static HitDefinition parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "recall" -> RECALL;
            case "all" -> ALL;
            case "any" -> ANY;
            case "per-positive" -> PER_POSITIVE;
            default -> throw new IllegalArgumentException(
                    "protocol 'time-sampled': hit must be recall, all, any or per-positive, got '" + name + "'");
        };
    }
}
