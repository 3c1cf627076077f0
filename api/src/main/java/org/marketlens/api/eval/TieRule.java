package org.marketlens.api.eval;

/** How candidates with exactly the positive's score are ranked (MODELS.md A-3). */
public enum TieRule {
    /** Ties rank above the positive: rank = number of other candidates with score >= the positive's. Default. */
    PESSIMISTIC,
    /** Ties rank below the positive: rank = number of candidates with a strictly higher score. */
    OPTIMISTIC
}
