package org.marketlens.api.delivery;

/** What a {@link DeliveryPredictor} predicts. */
public enum DeliveryTarget {
    /** Probability that the project is late (late = 1, on time = 0; MODELS.md §1.7). */
    LATE,
    /** Actual delivery duration in days (MODELS.md §1.8). */
    DURATION
}
