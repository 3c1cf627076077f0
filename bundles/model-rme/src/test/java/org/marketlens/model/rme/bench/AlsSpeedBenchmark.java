package org.marketlens.model.rme.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.marketlens.framework.als.AlsRecipe;
import org.marketlens.framework.als.AlsSettings;
import org.marketlens.framework.als.JointFactorization;
import org.marketlens.framework.cooccurrence.SparseRows;
import org.marketlens.framework.experiment.PeakMemory;

/**
 * Time per ALS iteration and peak memory of WMF and RME at k = 100 on synthetic data (MODELS.md §2.9), and WMF beside
 * Spark MLlib's implicit ALS on the same matrix when the {@code spark} profile compiled {@code SparkImplicitAls}.
 * Items follow a Zipf-like popularity; user u likes a uniform 25–175% of {@code interactions / users} distinct items
 * and dislikes a fifth as many. Peak memory per phase: JVM heap high-water mark (pools reset between phases) and the
 * process's resident high-water mark ({@link PeakMemory}, reset through {@code /proc/self/clear_refs} where allowed).
 * Not a unit test. Run (see the {@code spark} profile in this bundle's pom):
 * {@code java -Xmx12g [--add-opens ...] -cp <test classpath> org.marketlens.model.rme.bench.AlsSpeedBenchmark
 * users items interactions k iterations phases} (defaults 200000 20000 10000000 100 2 WMF,Spark,RME).
 */
public final class AlsSpeedBenchmark {
    private static final String SPARK = "org.marketlens.model.rme.bench.spark.SparkImplicitAls";

    private AlsSpeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int m = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long total = args.length > 2 ? Long.parseLong(args[2]) : 10_000_000L;
        int k = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int iterations = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        List<String> phases = List.of((args.length > 5 ? args[5] : "WMF,Spark,RME").split(","));
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf("load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        SplittableRandom random = new SplittableRandom(42);
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 10, 0.8);
            cdf[i] = sum;
        }
        int[][] liked = new int[m][];
        int[][] disliked = new int[m][];
        int[] stamp = new int[n];
        double mean = (double) total / m;
        for (int u = 0; u < m; u++) {
            int count = Math.min(n / 2, Math.max(2, (int) Math.round(mean * (0.25 + 1.5 * random.nextDouble()))));
            liked[u] = draw(cdf, sum, count, random, stamp, 2 * u + 1);
            disliked[u] = draw(cdf, sum, Math.max(1, count / 5), random, stamp, 2 * u + 2);
        }
        SparseRows likedRows = SparseRows.ofSets(n, liked);
        System.out.printf("data: %d users, %d items, %d liked cells, k=%d, threads=%d, %d timed iterations%n", m, n,
                likedRows.nonZeros(), k, threads, iterations);
        AlsSettings settings = new AlsSettings(k, 1, 1, 1, 9, 1, 7, threads);
        // Untimed warm-up on the first 2,000 users: loads ND4J's native backend (FactorAlgebra's k × k products) and
        // lets the JIT compile the Gram kernel, which would otherwise be charged to the first timed iteration.
        new JointFactorization(SparseRows.ofSets(n, java.util.Arrays.copyOf(liked, Math.min(m, 2000))), null, null,
                null, settings).sweep();
        for (String phase : phases) {
            resetPeaks();
            switch (phase) {
                case "WMF" -> run("WMF", new JointFactorization(likedRows, null, null, null, settings), iterations);
                case "Spark" -> spark(likedRows, k, iterations, threads);
                case "RME" -> {
                    long t0 = System.nanoTime();
                    SparseRows x = AlsRecipe.sppmi(likedRows, 1, 200, 1);
                    SparseRows y = AlsRecipe.sppmi(SparseRows.ofSets(n, disliked), 1, 200, 2);
                    SparseRows z = AlsRecipe.sppmi(likedRows.transpose(), 1, -1, 3);
                    System.out.printf("SPPMI build: %.1f s (X %d, Y %d, Z %d non-zeros)%n",
                            (System.nanoTime() - t0) / 1e9, x.nonZeros(), y.nonZeros(), z.nonZeros());
                    run("RME", new JointFactorization(likedRows, x, y, z, settings), iterations);
                }
                default -> throw new IllegalArgumentException("unknown phase " + phase + "; known: WMF, Spark, RME");
            }
            System.out.printf("%s peak: heap %.0f MiB, resident %.0f MiB; load average %s%n", phase,
                    PeakMemory.heapBytes() / 1048576.0, PeakMemory.residentBytes() / 1048576.0,
                    Files.readString(Path.of("/proc/loadavg")).trim());
        }
    }

    private static void spark(SparseRows liked, int k, int iterations, int threads) throws Exception {
        ImplicitAlsBaseline spark;
        try {
            spark = (ImplicitAlsBaseline) Class.forName(SPARK).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            System.out.println("Spark phase skipped: build the test classes with -Pspark to compile " + SPARK);
            return;
        }
        double seconds = spark.secondsPerIteration(liked, k, iterations, 1, 9, threads);
        System.out.printf("%s: %.1f s per iteration%n", spark.name(), seconds);
    }

    private static void run(String name, JointFactorization model, int iterations) {
        for (int it = 1; it <= iterations; it++) {
            long t0 = System.nanoTime();
            model.sweep();
            System.out.printf("%s iteration %d: %.1f s%n", name, it, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Resets the heap pools' peaks and, where the kernel allows, the resident high-water mark. */
    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (java.io.IOException | SecurityException e) {
            System.out.println("resident peak not reset (" + e.getMessage() + "); it is cumulative");
        }
    }

    /** @return {@code count} distinct items drawn from the popularity CDF ({@code stamp} marks this row's draws) */
    private static int[] draw(double[] cdf, double sum, int count, SplittableRandom random, int[] stamp, int mark) {
        int[] out = new int[count];
        int size = 0;
        while (size < count) {
            int at = java.util.Arrays.binarySearch(cdf, random.nextDouble() * sum);
            int item = Math.min(cdf.length - 1, at >= 0 ? at : -at - 1);
            if (stamp[item] != mark) {
                stamp[item] = mark;
                out[size++] = item;
            }
        }
        return out;
    }
}
