package org.marketlens.framework.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Streams the lines of a data file (plain, or gzip when the file starts with the gzip magic bytes), counting line
 * numbers and computing the SHA-256 of the file's bytes as they are read, so that a loader never holds the raw
 * file in memory and can name the exact line of a malformed record. Not thread-safe.
 */
public final class SourceLines implements Closeable {
    private final Path path;
    private final DigestInputStream digestStream;
    private final BufferedReader reader;
    private int lineNumber;
    private String digestHex;

    private SourceLines(Path path, DigestInputStream digestStream, BufferedReader reader) {
        this.path = path;
        this.digestStream = digestStream;
        this.reader = reader;
    }

    /**
     * @param path    the file
     * @param charset text encoding (MovieLens item files are ISO-8859-1; rating files are ASCII)
     * @return an open reader positioned before the first line
     * @throws IOException when the file is missing or unreadable; the message names it
     */
    public static SourceLines open(Path path, Charset charset) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "data file not found");
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        DigestInputStream digestStream = new DigestInputStream(Files.newInputStream(path), digest);
        InputStream in = new BufferedInputStream(digestStream, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new SourceLines(path, digestStream, new BufferedReader(new InputStreamReader(in, charset), 1 << 16));
    }

    /** @return the next line without its terminator, or null at the end of the file */
    public String next() throws IOException {
        String line = reader.readLine();
        if (line != null) {
            lineNumber++;
        }
        return line;
    }

    /** @return 1-based number of the line last returned by {@link #next()} */
    public int lineNumber() {
        return lineNumber;
    }

    /** @return the file */
    public Path path() {
        return path;
    }

    /**
     * @param expected what the line should have held, e.g. "4 tab-separated fields"
     * @param line     the offending line
     * @return an exception naming the file, the line number, the expectation and (a prefix of) the line
     */
    public IOException malformed(String expected, String line) {
        String shown = line.length() > 120 ? line.substring(0, 120) + "..." : line;
        return new IOException(path + " line " + lineNumber + ": expected " + expected + ", found '" + shown + "'");
    }

    /**
     * Reads whatever is left and returns the SHA-256 of the whole file's bytes (compressed bytes for gzip files).
     *
     * @return lower-case hex digest
     */
    public String sha256() throws IOException {
        if (digestHex == null) {
            byte[] skip = new byte[1 << 16];
            while (digestStream.read(skip) >= 0) {
                // drain: the digest covers the complete file even when the reader stopped early
            }
            digestHex = HexFormat.of().formatHex(digestStream.getMessageDigest().digest());
        }
        return digestHex;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /**
     * Splits a line on a literal delimiter (no regular expression, no quoting), keeping empty fields.
     *
     * @param line      the line
     * @param delimiter the delimiter, e.g. {@code "\t"}, {@code "::"}, {@code ","}
     * @return the fields
     */
    public static String[] fields(String line, String delimiter) {
        List<String> out = new ArrayList<>(8);
        int from = 0;
        int at;
        while ((at = line.indexOf(delimiter, from)) >= 0) {
            out.add(line.substring(from, at));
            from = at + delimiter.length();
        }
        out.add(line.substring(from));
        return out.toArray(new String[0]);
    }

    /**
     * Splits one line of RFC-4180 style CSV: fields may be double-quoted, a quoted field may contain the delimiter,
     * and a doubled quote inside quotes is one quote. Fields spanning several lines are not supported.
     *
     * @param line      the line
     * @param delimiter one delimiter character
     * @return the unquoted fields, or null when a quote is left open
     */
    public static String[] csvFields(String line, char delimiter) {
        List<String> out = new ArrayList<>(8);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(field.toString());
        return out.toArray(new String[0]);
    }
}
