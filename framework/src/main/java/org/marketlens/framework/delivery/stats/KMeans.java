package org.marketlens.framework.delivery.stats;

import java.util.SplittableRandom;

/**
 * Euclidean k-means with k-means++ seeding, several restarts keeping the lowest inertia, Lloyd iterations
 * until assignments stop changing. Empty clusters are re-seeded with the point farthest from its centroid.
 */
public final class KMeans {
    private KMeans() {
    }

    /**
     * A clustering.
     *
     * @param centroids k × m centroids
     * @param assign    cluster of each point
     * @param inertia   sum of squared distances to the assigned centroid
     */
    public record Clustering(double[][] centroids, int[] assign, double inertia) {
        /** @return index of the centroid nearest to {@code v} (ties: smallest index) */
        public int nearest(double[] v) {
            return KMeans.nearest(centroids, v);
        }

        /** @return sum over points of the (non-squared) Euclidean distance to their centroid, Eq. 3.1 */
        public double sumDistances(double[][] points) {
            double s = 0;
            for (int i = 0; i < points.length; i++) {
                s += Math.sqrt(sq(points[i], centroids[assign[i]]));
            }
            return s;
        }
    }

    /**
     * @param points   n × m points, n ≥ k
     * @param k        clusters
     * @param restarts runs with different seeds; the lowest inertia wins
     * @param maxIter  Lloyd iterations per run
     * @param seed     seed
     * @return the best clustering
     */
    public static Clustering fit(double[][] points, int k, int restarts, int maxIter, long seed) {
        if (k < 1 || k > points.length) {
            throw new IllegalArgumentException("k = " + k + " for " + points.length + " points");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        Clustering best = null;
        for (int r = 0; r < Math.max(1, restarts); r++) {
            Clustering c = lloyd(points, seedPlusPlus(points, k, rnd.split()), maxIter);
            if (best == null || c.inertia() < best.inertia()) {
                best = c;
            }
        }
        return best;
    }

    private static double[][] seedPlusPlus(double[][] pts, int k, SplittableRandom rnd) {
        int n = pts.length;
        double[][] c = new double[k][];
        c[0] = pts[rnd.nextInt(n)].clone();
        double[] d2 = new double[n];
        for (int i = 0; i < n; i++) {
            d2[i] = sq(pts[i], c[0]);
        }
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (double d : d2) {
                total += d;
            }
            int pick;
            if (total <= 0) {
                pick = rnd.nextInt(n);
            } else {
                double u = rnd.nextDouble() * total;
                pick = n - 1;
                for (int i = 0; i < n; i++) {
                    u -= d2[i];
                    if (u <= 0) {
                        pick = i;
                        break;
                    }
                }
            }
            c[j] = pts[pick].clone();
            for (int i = 0; i < n; i++) {
                d2[i] = Math.min(d2[i], sq(pts[i], c[j]));
            }
        }
        return c;
    }

    private static Clustering lloyd(double[][] pts, double[][] c, int maxIter) {
        int n = pts.length;
        int k = c.length;
        int m = pts[0].length;
        int[] assign = new int[n];
        java.util.Arrays.fill(assign, -1);
        for (int it = 0; it < maxIter; it++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int a = nearest(c, pts[i]);
                if (a != assign[i]) {
                    assign[i] = a;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            double[][] sum = new double[k][m];
            int[] cnt = new int[k];
            for (int i = 0; i < n; i++) {
                cnt[assign[i]]++;
                for (int d = 0; d < m; d++) {
                    sum[assign[i]][d] += pts[i][d];
                }
            }
            for (int j = 0; j < k; j++) {
                if (cnt[j] == 0) {
                    int far = 0;
                    double fd = -1;
                    for (int i = 0; i < n; i++) {
                        double d = sq(pts[i], c[assign[i]]);
                        if (d > fd) {
                            fd = d;
                            far = i;
                        }
                    }
                    c[j] = pts[far].clone();
                    assign[far] = j;
                } else {
                    for (int d = 0; d < m; d++) {
                        c[j][d] = sum[j][d] / cnt[j];
                    }
                }
            }
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            assign[i] = nearest(c, pts[i]);
            inertia += sq(pts[i], c[assign[i]]);
        }
        return new Clustering(c, assign, inertia);
    }

    static int nearest(double[][] c, double[] v) {
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int j = 0; j < c.length; j++) {
            double d = sq(v, c[j]);
            if (d < bd) {
                bd = d;
                best = j;
            }
        }
        return best;
    }

    static double sq(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double t = a[d] - b[d];
            s += t * t;
        }
        return s;
    }
}
