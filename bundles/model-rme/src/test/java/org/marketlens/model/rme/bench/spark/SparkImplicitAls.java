package org.marketlens.model.rme.bench.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.recommendation.ALS;
import org.apache.spark.mllib.recommendation.Rating;
import org.marketlens.framework.cooccurrence.SparseRows;
import org.marketlens.model.rme.bench.ImplicitAlsBaseline;

/**
 * Spark MLlib's implicit ALS in local mode ({@code local[threads]}, one user/item block per thread), fed the liked
 * matrix as ratings 1.0 with {@code alpha = φ}: the same normal equations as our WMF (Spark additionally scales λ by
 * each row's count, which does not change the work). Compiled only with {@code -Pspark}; needs the
 * {@code --add-opens} flags Spark 3.5 documents for Java 17.
 */
public final class SparkImplicitAls implements ImplicitAlsBaseline {
    /** Local mode runs tasks in this JVM, so partitions read the matrix from here instead of serialising it. */
    private static volatile SparseRows data;

    @Override
    public String name() {
        return "Spark MLlib " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + " implicit ALS, local mode";
    }

    @Override
    public double secondsPerIteration(SparseRows liked, int k, int iterations, double lambda, double alpha,
                                      int threads) {
        data = liked;
        SparkConf conf = new SparkConf().setMaster("local[" + threads + "]").setAppName("marketlens-als-bench")
                .set("spark.ui.enabled", "false").set("spark.default.parallelism", String.valueOf(threads));
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            List<Integer> parts = new ArrayList<>();
            for (int p = 0; p < 4 * threads; p++) {
                parts.add(p);
            }
            int slices = parts.size();
            JavaRDD<Rating> ratings = sc.parallelize(parts, slices).flatMap(p -> rows(p, slices)).cache();
            long count = ratings.count();
            System.out.printf("  Spark input: %d ratings in %d partitions%n", count, slices);
            // Untimed warm-up on a 2% sample: JIT and Spark's first-job setup would otherwise land in one timing.
            time(ratings.sample(false, 0.02, 1), k, 1, lambda, alpha, threads);
            double one = time(ratings, k, 1, lambda, alpha, threads);
            double more = time(ratings, k, 1 + iterations, lambda, alpha, threads);
            System.out.printf("  Spark: 1 iteration %.1f s, %d iterations %.1f s%n", one, 1 + iterations, more);
            return (more - one) / iterations;
        } finally {
            data = null;
        }
    }

    private static double time(JavaRDD<Rating> ratings, int k, int iterations, double lambda, double alpha,
                               int threads) {
        long t0 = System.nanoTime();
        // run() materialises the final user and product factors (count on the persisted RDDs).
        new ALS().setRank(k).setIterations(iterations).setLambda(lambda).setImplicitPrefs(true).setAlpha(alpha)
                .setBlocks(threads).setSeed(7).run(ratings);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static Iterator<Rating> rows(int part, int parts) {
        SparseRows m = data;
        int from = (int) ((long) m.rows() * part / parts);
        int to = (int) ((long) m.rows() * (part + 1) / parts);
        List<Rating> out = new ArrayList<>();
        for (int u = from; u < to; u++) {
            for (int e = m.rowStart()[u]; e < m.rowStart()[u + 1]; e++) {
                out.add(new Rating(u, m.columns()[e], 1.0));
            }
        }
        return out.iterator();
    }
}
