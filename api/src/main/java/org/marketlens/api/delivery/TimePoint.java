package org.marketlens.api.delivery;

/**
 * The four prediction time points of MODELS.md §1.3 (Fig. 3.1). At {@code TPk} a feature may use only data with
 * timestamp at or before the time point; project-page facts count as known at launch.
 */
public enum TimePoint {
    /** At launch. */
    TP1,
    /** The middle of the fundraising phase. */
    TP2,
    /** The end of fundraising. */
    TP3,
    /** End of fundraising + 5% of the longest reward delivery duration. */
    TP4;

    /** @return whether data available at {@code other} is available at this time point */
    public boolean includes(TimePoint other) {
        return other.ordinal() <= ordinal();
    }
}
