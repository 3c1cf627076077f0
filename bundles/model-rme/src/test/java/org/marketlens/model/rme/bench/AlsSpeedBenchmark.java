package org.marketlens.model.rme.bench;

import java.util.SplittableRandom;
import org.marketlens.framework.als.AlsRecipe;
import org.marketlens.framework.als.AlsSettings;
import org.marketlens.framework.als.JointFactorization;
import org.marketlens.framework.cooccurrence.SparseRows;

/**
 * Time per ALS iteration and peak heap of WMF and RME on synthetic data (MODELS.md §2.9). Items follow a Zipf-like
 * popularity; each user gets a Poisson-ish number of distinct items. Not a unit test. Run:
 * {@code java -Xmx24g -cp <test classpath> org.marketlens.model.rme.bench.AlsSpeedBenchmark users items interactions k iterations}
 * (defaults 200000 20000 10000000 100 2).
 */
public final class AlsSpeedBenchmark {
    private AlsSpeedBenchmark() {
    }

    public static void main(String[] args) {
        int m = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long total = args.length > 2 ? Long.parseLong(args[2]) : 10_000_000L;
        int k = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int iterations = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        SplittableRandom random = new SplittableRandom(42);
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 10, 0.8);
            cdf[i] = sum;
        }
        int[][] liked = new int[m][];
        int[][] disliked = new int[m][];
        int mean = (int) (total / m);
        for (int u = 0; u < m; u++) {
            int count = Math.max(2, (int) (mean * (0.25 + 1.5 * random.nextDouble())));
            liked[u] = draw(cdf, sum, count, random);
            disliked[u] = draw(cdf, sum, Math.max(1, count / 5), random);
        }
        SparseRows likedRows = SparseRows.ofSets(n, liked);
        System.out.printf("data: %d users, %d items, %d liked cells, k=%d, threads=%d%n", m, n, likedRows.nonZeros(), k,
                Runtime.getRuntime().availableProcessors());
        AlsSettings settings = new AlsSettings(k, 1, 1, 1, 9, 1, 7, Runtime.getRuntime().availableProcessors());
        run("WMF", new JointFactorization(likedRows, null, null, null, settings), iterations);
        long t0 = System.nanoTime();
        SparseRows x = AlsRecipe.sppmi(likedRows, 1, 200, 1);
        SparseRows y = AlsRecipe.sppmi(SparseRows.ofSets(n, disliked), 1, 200, 2);
        SparseRows z = AlsRecipe.sppmi(likedRows.transpose(), 1, -1, 3);
        System.out.printf("SPPMI build: %.1f s (X %d, Y %d, Z %d non-zeros)%n", (System.nanoTime() - t0) / 1e9,
                x.nonZeros(), y.nonZeros(), z.nonZeros());
        run("RME", new JointFactorization(likedRows, x, y, z, settings), iterations);
    }

    private static void run(String name, JointFactorization model, int iterations) {
        for (int it = 1; it <= iterations; it++) {
            long t0 = System.nanoTime();
            model.sweep();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("%s iteration %d: %.1f s, heap used %.0f MiB%n", name, it, (System.nanoTime() - t0) / 1e9,
                    (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
        }
    }

    private static int[] draw(double[] cdf, double sum, int count, SplittableRandom random) {
        int[] out = new int[count];
        for (int c = 0; c < count; c++) {
            int at = java.util.Arrays.binarySearch(cdf, random.nextDouble() * sum);
            out[c] = Math.min(cdf.length - 1, at >= 0 ? at : -at - 1);
        }
        return out;
    }
}
