package org.marketlens.api.delivery;

import java.time.Instant;

/**
 * A creator update (MODELS.md §1.1).
 *
 * @param time when it was posted
 * @param text its text
 */
public record Update(Instant time, String text) {
    /** Null text reads as empty. */
    public Update {
        text = text == null ? "" : text;
    }
}
