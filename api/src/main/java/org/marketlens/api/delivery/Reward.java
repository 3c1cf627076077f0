package org.marketlens.api.delivery;

import java.time.Instant;

/**
 * A reward tier (MODELS.md §1.1).
 *
 * @param description       reward description text
 * @param estimatedDelivery delivery date promised by the creator
 * @param backers           backers who chose this reward (final count)
 */
public record Reward(String description, Instant estimatedDelivery, int backers) {
    /** Null description reads as empty. */
    public Reward {
        description = description == null ? "" : description;
    }
}
