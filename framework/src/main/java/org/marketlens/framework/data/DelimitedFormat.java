package org.marketlens.framework.data;

import java.util.Map;
import java.util.Optional;

/**
 * How the columns of a delimited interaction file map to interaction fields. A column is given by its 0-based index
 * ({@code "2"}) or, when the file has a header line, by its header name ({@code "user_id"}); rating, time and group
 * columns are optional. The group column (playlist, basket, transaction id or date) is read as text and numbered
 * densely in order of appearance.
 *
 * @param delimiter  literal field delimiter: {@code "\t"}, {@code ","}, {@code "::"}, ...
 * @param quoted     true for CSV quoting (one-character delimiter; quoted fields may contain it)
 * @param header     true when the first line names the columns (it is skipped)
 * @param user       user column
 * @param item       item column
 * @param rating     rating column, or null
 * @param time       time column, or null
 * @param group      group column, or null
 * @param timeFormat how times are written ({@link TimeFormat#of})
 */
public record DelimitedFormat(String delimiter, boolean quoted, boolean header, String user, String item,
                              String rating, String time, String group, String timeFormat) {
    public DelimitedFormat {
        if (delimiter == null || delimiter.isEmpty()) {
            throw new IllegalArgumentException("the delimiter must not be empty");
        }
        if (quoted && delimiter.length() != 1) {
            throw new IllegalArgumentException("CSV quoting needs a one-character delimiter, got '" + delimiter + "'");
        }
        if (user == null || item == null) {
            throw new IllegalArgumentException("the user and item columns are required");
        }
        if (timeFormat == null) {
            timeFormat = "epoch";
        }
    }

    /**
     * Reads a format from loader parameters, each key overriding {@code defaults}: {@code delimiter} (also the names
     * {@code tab}, {@code comma}, {@code space}, {@code semicolon}), {@code quoted}, {@code header},
     * {@code userColumn}, {@code itemColumn}, {@code ratingColumn}, {@code timeColumn}, {@code groupColumn},
     * {@code timeFormat}. A column parameter set to {@code "none"} removes that column.
     *
     * @param p        the parameters
     * @param defaults the loader's default format
     * @return the format
     */
    public static DelimitedFormat from(LoaderParams p, DelimitedFormat defaults) {
        return new DelimitedFormat(
                delimiterName(p.string("delimiter", defaults.delimiter())),
                p.flag("quoted", defaults.quoted()),
                p.flag("header", defaults.header()),
                column(p, "userColumn", defaults.user()),
                column(p, "itemColumn", defaults.item()),
                column(p, "ratingColumn", defaults.rating()),
                column(p, "timeColumn", defaults.time()),
                column(p, "groupColumn", defaults.group()),
                p.string("timeFormat", defaults.timeFormat()));
    }

    /** @return the format's settings, for the dataset facts */
    public Map<String, Object> describe() {
        return Map.of("delimiter", delimiter, "quoted", quoted, "header", header, "user", user, "item", item,
                "rating", Optional.ofNullable(rating).orElse("none"), "time", Optional.ofNullable(time).orElse("none"),
                "group", Optional.ofNullable(group).orElse("none"), "timeFormat", timeFormat);
    }

    private static String column(LoaderParams p, String key, String fallback) {
        String v = p.string(key, fallback);
        return v == null || v.equals("none") ? null : v;
    }

    private static String delimiterName(String d) {
        return switch (d) {
            case "tab", "\\t" -> "\t";
            case "comma" -> ",";
            case "space" -> " ";
            case "semicolon" -> ";";
            case "pipe" -> "|";
            default -> d;
        };
    }
}
