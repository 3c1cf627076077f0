package org.marketlens.data.movielens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.marketlens.framework.data.DelimitedFormat;

/**
 * The three MovieLens rating layouts, told apart by file name: {@code u.data} (100K: user, item, rating, time,
 * tab-separated), {@code ratings.dat} (1M, 10M: the same four fields separated by {@code ::}) and
 * {@code ratings.csv} (20M, 25M, 32M: a header {@code userId,movieId,rating,timestamp}, comma-separated). Times are
 * Unix seconds.
 */
final class MovieLensFiles {
    static final DelimitedFormat U_DATA = new DelimitedFormat("\t", false, false, "0", "1", "2", "3", null, "epoch");
    static final DelimitedFormat RATINGS_DAT = new DelimitedFormat("::", false, false, "0", "1", "2", "3", null,
            "epoch");
    static final DelimitedFormat RATINGS_CSV = new DelimitedFormat(",", false, true, "userId", "movieId", "rating",
            "timestamp", null, "epoch");

    private MovieLensFiles() {
    }

    /**
     * @param path a rating file, or a MovieLens folder holding one
     * @return the rating file
     * @throws IOException when there is no rating file
     */
    static Path ratingFile(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            for (String name : new String[] {"u.data", "ratings.dat", "ratings.csv"}) {
                Path candidate = path.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
            throw new NoSuchFileException(path.toString(), null, "no u.data, ratings.dat or ratings.csv in folder");
        }
        return path;
    }

    /** @return the layout of {@code file}, from its name ({@code .gz} allowed) */
    static DelimitedFormat formatOf(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.gz$", "");
        if (name.endsWith(".csv")) {
            return RATINGS_CSV;
        }
        if (name.endsWith(".dat")) {
            return RATINGS_DAT;
        }
        return U_DATA;
    }
}
