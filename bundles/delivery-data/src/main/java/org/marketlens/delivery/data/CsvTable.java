package org.marketlens.delivery.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A comma-separated file with a header (RFC 4180: fields in double quotes may hold commas, line breaks and doubled
 * quotes), read whole. Rows whose field count differs from the header's are kept apart as malformed, with their
 * line numbers, so a loader can decide to skip them and say how many it skipped.
 */
final class CsvTable {
    /** A data row: field by header name; {@code line} is the row's first line in the file (1-based). */
    record Row(Map<String, String> fields, int line) {
        String get(String column) {
            String v = fields.get(column);
            if (v == null) {
                throw new IllegalArgumentException("no column '" + column + "'");
            }
            return v;
        }
    }

    private final List<Row> rows;
    private final List<Integer> malformedLines;

    private CsvTable(List<Row> rows, List<Integer> malformedLines) {
        this.rows = rows;
        this.malformedLines = malformedLines;
    }

    List<Row> rows() {
        return rows;
    }

    List<Integer> malformedLines() {
        return malformedLines;
    }

    static CsvTable read(Path file, Charset charset) throws IOException {
        try (Reader r = Files.newBufferedReader(file, charset)) {
            return read(r, file.toString());
        }
    }

    static CsvTable read(Reader in, String source) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int start = 1;
        int c;
        while ((c = in.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) {
                            break;
                        }
                        ch = (char) next;
                        if (!handle(ch, cur, field, records, starts, start)) {
                            field.append(ch);
                        }
                        if (ch == '\n') {
                            line++;
                            start = line;
                        }
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
                any = true;
                continue;
            }
            if (ch == '"' && field.length() == 0) {
                quoted = true;
                any = true;
            } else if (handle(ch, cur, field, records, starts, start)) {
                if (ch == '\n') {
                    line++;
                    start = line;
                }
                any = ch != '\n';
            } else {
                field.append(ch);
                any = true;
            }
        }
        if (quoted) {
            throw new IOException(source + ":" + start + ": a quoted field is not closed");
        }
        if (any || field.length() > 0 || !cur.isEmpty()) {
            cur.add(field.toString());
            records.add(new ArrayList<>(cur));
            starts.add(start);
        }
        if (records.isEmpty()) {
            throw new IOException(source + ": empty file, expected a header line");
        }
        List<String> header = records.get(0);
        List<Row> rows = new ArrayList<>();
        List<Integer> malformed = new ArrayList<>();
        for (int k = 1; k < records.size(); k++) {
            List<String> rec = records.get(k);
            if (rec.size() == 1 && rec.get(0).isBlank()) {
                continue;
            }
            if (rec.size() != header.size()) {
                malformed.add(starts.get(k));
                continue;
            }
            Map<String, String> m = new HashMap<>();
            for (int j = 0; j < header.size(); j++) {
                m.put(header.get(j).strip(), rec.get(j));
            }
            rows.add(new Row(m, starts.get(k)));
        }
        return new CsvTable(rows, malformed);
    }

    /** Handles a separator or line end outside quotes; @return whether {@code ch} was one. */
    private static boolean handle(char ch, List<String> cur, StringBuilder field, List<List<String>> records,
            List<Integer> starts, int start) {
        if (ch == ',') {
            cur.add(field.toString());
            field.setLength(0);
            return true;
        }
        if (ch == '\n') {
            int end = field.length();
            if (end > 0 && field.charAt(end - 1) == '\r') {
                field.setLength(end - 1);
            }
            cur.add(field.toString());
            field.setLength(0);
            records.add(new ArrayList<>(cur));
            starts.add(start);
            cur.clear();
            return true;
        }
        return false;
    }
}
