package org.marketlens.framework.data;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.marketlens.api.data.InteractionData;

/**
 * Streams a delimited interaction file into an {@link InteractionsBuilder}, one line at a time. Blank lines are
 * skipped; any other line that lacks a column, or whose rating or time does not parse, stops the load with an
 * {@link IOException} naming the file, the line and what was expected.
 */
public final class DelimitedReader {
    private final DelimitedFormat format;

    /** @param format the column mapping */
    public DelimitedReader(DelimitedFormat format) {
        this.format = format;
    }

    /**
     * @param source  the open file
     * @param builder receives one interaction per data line
     * @param groups  numbers the group column's values (shared across files of one dataset)
     * @return number of data lines read
     * @throws IOException on a malformed line
     */
    public int read(SourceLines source, InteractionsBuilder builder, DenseIdMap groups) throws IOException {
        int userCol;
        int itemCol;
        int ratingCol;
        int timeCol;
        int groupCol;
        String line = source.next();
        if (format.header()) {
            if (line == null) {
                throw new IOException(source.path() + ": expected a header line, found an empty file");
            }
            List<String> names = Arrays.asList(split(source, line));
            userCol = resolve(source, names, format.user(), line);
            itemCol = resolve(source, names, format.item(), line);
            ratingCol = resolve(source, names, format.rating(), line);
            timeCol = resolve(source, names, format.time(), line);
            groupCol = resolve(source, names, format.group(), line);
            line = source.next();
        } else {
            userCol = index(format.user());
            itemCol = index(format.item());
            ratingCol = index(format.rating());
            timeCol = index(format.time());
            groupCol = index(format.group());
        }
        int needed = Math.max(Math.max(userCol, itemCol), Math.max(ratingCol, Math.max(timeCol, groupCol))) + 1;
        TimeFormat times = TimeFormat.of(format.timeFormat());
        int rows = 0;
        for (; line != null; line = source.next()) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = split(source, line);
            if (f.length < needed) {
                throw source.malformed(needed + " fields separated by '" + printable(format.delimiter()) + "'", line);
            }
            String user = f[userCol].strip();
            String item = f[itemCol].strip();
            if (user.isEmpty() || item.isEmpty()) {
                throw source.malformed("a non-empty user id and item id", line);
            }
            float rating = InteractionData.NO_RATING;
            if (ratingCol >= 0) {
                try {
                    rating = Float.parseFloat(f[ratingCol].strip());
                } catch (NumberFormatException e) {
                    throw source.malformed("a numeric rating in column " + ratingCol, line);
                }
            }
            long time = InteractionData.NO_TIME;
            if (timeCol >= 0) {
                try {
                    time = times.parse(f[timeCol]);
                } catch (IllegalArgumentException e) {
                    throw source.malformed("a time in format '" + times + "' in column " + timeCol, line);
                }
            }
            int group = groupCol >= 0 ? groups.indexOrAdd(f[groupCol].strip()) : InteractionData.NO_GROUP;
            builder.add(user, item, rating, time, group);
            rows++;
        }
        return rows;
    }

    private String[] split(SourceLines source, String line) throws IOException {
        if (format.quoted()) {
            String[] f = SourceLines.csvFields(line, format.delimiter().charAt(0));
            if (f == null) {
                throw source.malformed("closed quotes (fields spanning lines are not supported)", line);
            }
            return f;
        }
        return SourceLines.fields(line, format.delimiter());
    }

    private static int resolve(SourceLines source, List<String> names, String column, String header)
            throws IOException {
        if (column == null) {
            return -1;
        }
        int byName = names.indexOf(column);
        if (byName >= 0) {
            return byName;
        }
        try {
            return Integer.parseInt(column);
        } catch (NumberFormatException e) {
            throw source.malformed("a header with column '" + column + "'", header);
        }
    }

    private static int index(String column) {
        if (column == null) {
            return -1;
        }
        try {
            return Integer.parseInt(column);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column '" + column + "' is a name, but the file has no header");
        }
    }

    private static String printable(String delimiter) {
        return delimiter.replace("\t", "\\t");
    }
}
