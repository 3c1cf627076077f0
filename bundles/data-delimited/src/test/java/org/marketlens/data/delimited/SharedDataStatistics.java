package org.marketlens.data.delimited;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.DatasetLoader;
import org.marketlens.data.baskets.BasketLoader;
import org.marketlens.data.lightgcn.LightGcnLoader;
import org.marketlens.data.movielens.MovieLensLoader;
import org.marketlens.data.playlists.PlaylistLoader;
import org.marketlens.framework.stats.DatasetStatistics;

/**
 * Benchmark main, not a unit test: loads every interaction dataset under {@code <shared>/data} through its loader and
 * prints a statistics table with load times. With {@code --synthetic20m} it also writes a 20,000,263-line
 * ML-20M-shaped {@code ratings.csv} to a temporary folder (deleted afterwards, never committed), loads it and
 * reports load time and peak heap. Run (from the repository root, after installing the bundles):
 * <pre>
 * cd bundles/data-delimited &amp;&amp; mvn -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx24g -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) \
 *     org.marketlens.data.delimited.SharedDataStatistics ../../../shared [--synthetic20m]
 * </pre>
 */
public final class SharedDataStatistics {
    private SharedDataStatistics() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared").resolve("data");
        Map<String, Object[]> sets = new LinkedHashMap<>();
        sets.put("ml-100k", new Object[] {new MovieLensLoader(), Map.of("path", data.resolve("ml-100k").toString())});
        sets.put("ml-1m-implicit-lightgcn", new Object[] {new LightGcnLoader(),
                Map.of("path", data.resolve("ml-1m-implicit-lightgcn").toString())});
        sets.put("amazon-grocery-5core (train part)", new Object[] {new DelimitedLoader(), Map.of("path",
                data.resolve("amazon-grocery-5core-rechorus/train.csv").toString(), "header", true,
                "timeColumn", "time")});
        sets.put("tafeng-nbr", new Object[] {new BasketLoader(),
                Map.of("path", data.resolve("tafeng-nbr/tafeng_baskets.tsv").toString())});
        sets.put("tafeng-nbr, baskets >= 5", new Object[] {new BasketLoader(),
                Map.of("path", data.resolve("tafeng-nbr/tafeng_baskets.tsv").toString(), "minGroupSize", 5)});
        sets.put("aotm2011-subset", new Object[] {new PlaylistLoader(), Map.of("path",
                data.resolve("playlists-aotm2011-subset/pick_playlist.txt").toString(), "format", "aotm")});
        String[] header = DatasetStatistics.markdownHeader().split("\n");
        System.out.println(header[0] + " load ms |\n" + header[1] + "---|");
        for (Map.Entry<String, Object[]> e : sets.entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) e.getValue()[1];
            try {
                Dataset ds = ((DatasetLoader) e.getValue()[0]).load(params);
                System.out.println(DatasetStatistics.of(ds.interactions()).markdownRow(e.getKey()) + " "
                        + ds.facts().get("loadMillis") + " |");
            } catch (IOException ex) {
                System.out.println("| " + e.getKey() + " | not loaded: " + ex.getMessage() + " |");
            }
        }
        if (args.length > 1 && args[1].equals("--synthetic20m")) {
            synthetic20m();
        }
    }

    /** ML-20M shape: 138,493 users, 26,744 movies, 20,000,263 ratings in half stars, Unix seconds. */
    private static void synthetic20m() throws IOException {
        Path dir = Files.createTempDirectory("ml20m-synthetic");
        Path file = dir.resolve("ratings.csv");
        try {
            long t0 = System.nanoTime();
            SplittableRandom r = new SplittableRandom(20);
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
                w.write("userId,movieId,rating,timestamp\n");
                for (int k = 0; k < 20_000_263; k++) {
                    int movie = (int) Math.min(26_743, Math.floor(Math.pow(r.nextDouble(), 2.5) * 26_744));
                    w.write((1 + r.nextInt(138_493)) + "," + (1 + movie) + "," + (1 + r.nextInt(9)) * 0.5 + ","
                            + (789_652_009L + r.nextInt(638_000_000)) + "\n");
                }
            }
            System.out.printf("synthetic ML-20M file: %,d bytes written in %.1f s%n", Files.size(file),
                    (System.nanoTime() - t0) / 1e9);
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long t1 = System.nanoTime();
            Dataset ds = new MovieLensLoader().load(Map.of("path", file.toString()));
            double seconds = (System.nanoTime() - t1) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println(DatasetStatistics.of(ds.interactions()).markdownRow("synthetic ML-20M"));
            System.out.printf("load time %.1f s, peak heap (sum of pool peaks) %.2f GiB, max heap %.1f GiB%n", seconds,
                    peak / (double) (1L << 30), Runtime.getRuntime().maxMemory() / (double) (1L << 30));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
