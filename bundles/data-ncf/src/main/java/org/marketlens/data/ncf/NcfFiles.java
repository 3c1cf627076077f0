package org.marketlens.data.ncf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Parsers for the NCF split format (He et al., WWW 2017, as published with NCF and reused by SDP/SDM/SDMR,
 * MODELS.md §4.8): {@code .rating} files hold {@code user\titem[\trating[\ttimestamp]]} per line, {@code .negative}
 * files hold {@code (user,item)\tneg1\tneg2...}, where line k names the same (user, item) as line k of the matching
 * {@code .rating} file. Blank lines are skipped. Every error names the file, the 1-based line and what was expected.
 */
final class NcfFiles {
    private NcfFiles() {
    }

    /** One line of a {@code .rating} file; {@code rating} is NaN and {@code time} NO_TIME when the column is absent. */
    record RatingLine(int line, String user, String item, float rating, long time) {
    }

    /** One line of a {@code .negative} file. */
    record NegativeLine(int line, String user, String item, List<String> negatives) {
    }

    /** @return the lines of a {@code .rating} file */
    static List<RatingLine> readRatings(Path file, float noRating, long noTime) throws IOException {
        List<RatingLine> out = new ArrayList<>();
        try (BufferedReader in = open(file)) {
            int line = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] f = text.strip().split("\t");
                if (f.length < 2 || f.length > 4) {
                    throw error(file, line, "2 to 4 tab-separated columns 'user item [rating [timestamp]]', found "
                            + f.length);
                }
                String user = id(file, line, f[0], "user");
                String item = id(file, line, f[1], "item");
                float rating = noRating;
                long time = noTime;
                try {
                    if (f.length >= 3) {
                        rating = Float.parseFloat(f[2].trim());
                    }
                } catch (NumberFormatException e) {
                    throw error(file, line, "a numeric rating in column 3, found '" + f[2] + "'");
                }
                try {
                    if (f.length == 4) {
                        time = Long.parseLong(f[3].trim());
                    }
                } catch (NumberFormatException e) {
                    throw error(file, line, "an integer timestamp in column 4, found '" + f[3] + "'");
                }
                out.add(new RatingLine(line, user, item, rating, time));
            }
        }
        return out;
    }

    /**
     * @param ratings the matching {@code .rating} file's lines: line k of both must name the same (user, item)
     * @return the lines of a {@code .negative} file
     */
    static List<NegativeLine> readNegatives(Path file, Path ratingFile, List<RatingLine> ratings) throws IOException {
        List<NegativeLine> out = new ArrayList<>();
        try (BufferedReader in = open(file)) {
            int line = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] f = text.strip().split("\t");
                String head = f[0].trim();
                int comma = head.indexOf(',');
                if (!head.startsWith("(") || !head.endsWith(")") || comma < 0) {
                    throw error(file, line, "'(user,item)' in column 1, found '" + head + "'");
                }
                String user = id(file, line, head.substring(1, comma), "user");
                String item = id(file, line, head.substring(comma + 1, head.length() - 1), "item");
                if (f.length < 2) {
                    throw error(file, line, "at least one negative item after '" + head + "'");
                }
                if (out.size() >= ratings.size()) {
                    throw error(file, line, "no more lines than " + ratingFile.getFileName() + " ("
                            + ratings.size() + " cases)");
                }
                RatingLine match = ratings.get(out.size());
                if (!match.user().equals(user) || !match.item().equals(item)) {
                    throw error(file, line, "(" + match.user() + "," + match.item() + ") as on line " + match.line()
                            + " of " + ratingFile.getFileName() + ", found " + head);
                }
                List<String> negatives = new ArrayList<>(f.length - 1);
                for (int c = 1; c < f.length; c++) {
                    negatives.add(id(file, line, f[c], "negative item"));
                }
                out.add(new NegativeLine(line, user, item, negatives));
            }
        }
        if (out.size() != ratings.size()) {
            throw new IOException(file + ": expected " + ratings.size() + " lines, one per line of "
                    + ratingFile.getFileName() + ", found " + out.size());
        }
        return out;
    }

    /** @return hex SHA-256 of a file's bytes */
    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing (expected an NCF split file)");
        }
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    private static String id(Path file, int line, String raw, String what) throws IOException {
        String id = raw.trim();
        if (id.isEmpty()) {
            throw error(file, line, "a " + what + " id, found an empty field");
        }
        return id;
    }

    private static IOException error(Path file, int line, String expected) {
        return new IOException(file + ":" + line + ": expected " + expected);
    }
}
