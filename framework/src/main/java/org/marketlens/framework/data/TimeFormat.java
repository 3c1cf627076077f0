package org.marketlens.framework.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How a timestamp column is written: {@code epoch} (seconds, the MovieLens and Amazon convention), {@code epoch-ms},
 * {@code iso} (ISO-8601 date, date-time or offset date-time), or a {@link DateTimeFormatter} pattern such as
 * {@code M/d/yyyy} (Ta-Feng). Dates without a time of day and times without an offset are read as UTC. Values are
 * returned as seconds since the epoch, the unit of {@link org.marketlens.api.data.InteractionData#timestamp}.
 */
public final class TimeFormat {
    private final String spec;
    private final DateTimeFormatter pattern;

    private TimeFormat(String spec, DateTimeFormatter pattern) {
        this.spec = spec;
        this.pattern = pattern;
    }

    /**
     * @param spec {@code epoch}, {@code epoch-ms}, {@code iso} or a date-time pattern
     * @return the format
     * @throws IllegalArgumentException for an invalid pattern
     */
    public static TimeFormat of(String spec) {
        return switch (spec) {
            case "epoch", "epoch-ms", "iso" -> new TimeFormat(spec, null);
            default -> new TimeFormat(spec, DateTimeFormatter.ofPattern(spec, Locale.ROOT));
        };
    }

    /**
     * @param text the field
     * @return seconds since the epoch
     * @throws IllegalArgumentException when the text does not match the format (the caller names file and line)
     */
    public long parse(String text) {
        String t = text.strip();
        try {
            switch (spec) {
                case "epoch":
                    return t.indexOf('.') >= 0 ? (long) Double.parseDouble(t) : Long.parseLong(t);
                case "epoch-ms":
                    return Math.floorDiv(Long.parseLong(t), 1000L);
                case "iso":
                    if (t.length() == 10) {
                        return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
                    }
                    try {
                        return OffsetDateTime.parse(t).toEpochSecond();
                    } catch (DateTimeParseException noOffset) {
                        return LocalDateTime.parse(t).toEpochSecond(ZoneOffset.UTC);
                    }
                default:
                    TemporalAccessor parsed = pattern.parse(t);
                    if (parsed.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)) {
                        return LocalDateTime.from(parsed).toEpochSecond(ZoneOffset.UTC);
                    }
                    return LocalDate.from(parsed).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a time in format '" + spec + "'", e);
        }
    }

    @Override
    public String toString() {
        return spec;
    }

    /** @return the instant of {@code seconds} (for reports) */
    public static Instant instant(long seconds) {
        return Instant.ofEpochSecond(seconds);
    }
}
