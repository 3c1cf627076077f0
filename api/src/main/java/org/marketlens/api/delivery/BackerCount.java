package org.marketlens.api.delivery;

import java.time.Instant;

/**
 * Cumulative number of backers at a time (for "backers so far" at TP2, MODELS.md §1.4.1 #13).
 *
 * @param time    observation time
 * @param backers backers at that time
 */
public record BackerCount(Instant time, int backers) {
}
