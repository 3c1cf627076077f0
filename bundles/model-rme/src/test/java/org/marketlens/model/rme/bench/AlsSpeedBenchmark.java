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
 * Phases: {@code WMF}; {@code Spark}; {@code SPPMI} builds X, Y, Z with the A-19 defaults (item-pair cap 200, user
 * pairs capped at 100 likers per item once MMᵀ exceeds 10⁸ pairs) and reports time, non-zeros and the Gram work per
 * sweep, without training; {@code RME} builds them with the caps of the system properties {@code rme.itemPairCap}
 * (default 200) and {@code rme.userPairCap} (default -1 = the A-19 automatic cap) and times each block of every sweep
 * (users Eq. 4.5, items Eq. 4.6, contexts Eq. 4.7, biases Eq. 4.8) for {@code rme.iterations} (default: the
 * iterations argument) sweeps. Per sweep the Gram kernel visits 2(Ω_M + Ω_X + Ω_Y + Ω_Z) entries at k(k+1)/2
 * multiply-adds each (§2.9), which the benchmark prints so a time per iteration can be related to other caps.
 * Not a unit test. Run (see the {@code spark} profile in this bundle's pom):
 * {@code java -Xmx12g [-Drme.itemPairCap=..] [--add-opens ...] -cp <test classpath>
 * org.marketlens.model.rme.bench.AlsSpeedBenchmark users items interactions k iterations phases}
 * (defaults 200000 20000 10000000 100 2 WMF,Spark,RME). Spark 3.5 on Java 17 needs {@code --add-opens=java.base/P=ALL-UNNAMED}
 * for P in java.lang, java.lang.invoke, java.lang.reflect, java.io, java.net, java.nio, java.util,
 * java.util.concurrent, java.util.concurrent.atomic, jdk.internal.ref, sun.nio.ch, sun.nio.cs, sun.security.action and
 * sun.util.calendar, plus {@code -Djdk.reflect.useDirectMethodHandle=false}.
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
                case "SPPMI" -> {
                    long t0 = System.nanoTime();
                    SparseRows[] xyz = sppmi(likedRows, n, disliked, 200, -1);
                    report("SPPMI (A-19 defaults)", (System.nanoTime() - t0) / 1e9, likedRows, xyz, k);
                }
                case "RME" -> {
                    int itemCap = Integer.getInteger("rme.itemPairCap", 200);
                    int userCap = Integer.getInteger("rme.userPairCap", -1);
                    long t0 = System.nanoTime();
                    SparseRows[] xyz = sppmi(likedRows, n, disliked, itemCap, userCap);
                    report("SPPMI (item-pair cap " + itemCap + ", user-pair cap " + userCap + ")",
                            (System.nanoTime() - t0) / 1e9, likedRows, xyz, k);
                    runBlocks(new JointFactorization(likedRows, xyz[0], xyz[1], xyz[2], settings),
                            Integer.getInteger("rme.iterations", iterations));
                }
                default -> throw new IllegalArgumentException("unknown phase " + phase + "; known: WMF, Spark, SPPMI, RME");
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
            System.out.printf("%s iteration %d: %.1f s; load %s%n", name, it, (System.nanoTime() - t0) / 1e9, load());
        }
    }

    /** @return X, Y, Z (shift 1, A-20) with the given item-pair cap (X, Y) and user-pair cap (Z), A-19 */
    private static SparseRows[] sppmi(SparseRows liked, int n, int[][] disliked, int itemCap, int userCap) {
        return new SparseRows[] {AlsRecipe.sppmi(liked, 1, itemCap, 1),
                AlsRecipe.sppmi(SparseRows.ofSets(n, disliked), 1, itemCap, 2),
                AlsRecipe.sppmi(liked.transpose(), 1, userCap, 3)};
    }

    private static void report(String what, double seconds, SparseRows liked, SparseRows[] xyz, int k) {
        long entries = 2L * (liked.nonZeros() + xyz[0].nonZeros() + xyz[1].nonZeros() + xyz[2].nonZeros());
        System.out.printf("%s build: %.1f s (X %d, Y %d, Z %d non-zeros); Gram entries per sweep 2(Ω_M+Ω_X+Ω_Y+Ω_Z)"
                        + " = %d (WMF: %d), %.3g multiply-adds at k = %d%n", what, seconds, xyz[0].nonZeros(),
                xyz[1].nonZeros(), xyz[2].nonZeros(), entries, 2L * liked.nonZeros(),
                (double) entries * k * (k + 1) / 2, k);
    }

    /** RME sweeps with each block of Algorithm 1 timed on its own (same order as {@link JointFactorization#sweep}). */
    private static void runBlocks(JointFactorization model, int iterations) {
        for (int it = 1; it <= iterations; it++) {
            long t0 = System.nanoTime();
            model.updateUsers();
            long t1 = System.nanoTime();
            model.updateItems();
            long t2 = System.nanoTime();
            model.updateContexts();
            long t3 = System.nanoTime();
            model.updateBiases();
            long t4 = System.nanoTime();
            System.out.printf("RME iteration %d: %.1f s (users %.1f, items %.1f, contexts %.1f, biases %.1f); load %s%n",
                    it, (t4 - t0) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, load());
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
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
