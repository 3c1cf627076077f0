package org.marketlens.api.delivery;

/**
 * Outcome labels of a project (MODELS.md §1.2). Encoding for models: late = 1, on time = 0.
 *
 * @param late               true = late, false = on time, null = unknown
 * @param actualDurationDays days from the end of fundraising to the "all rewards shipped" update; null = unknown
 */
public record DeliveryLabel(Boolean late, Double actualDurationDays) {
    /** No label at all. */
    public static final DeliveryLabel UNKNOWN = new DeliveryLabel(null, null);

    /** @return whether the on-time/late label is known */
    public boolean hasLateness() {
        return late != null;
    }

    /** @return whether a positive actual delivery duration is known */
    public boolean hasDuration() {
        return actualDurationDays != null && actualDurationDays > 0;
    }
}
