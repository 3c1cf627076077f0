package org.marketlens.framework.delivery.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BicTest {
    private static double[][] blobs(int k, int perCluster, double spread, long seed) {
        Random rnd = new Random(seed);
        double[][] pts = new double[k * perCluster][2];
        for (int c = 0; c < k; c++) {
            double cx = 10 * Math.cos(2 * Math.PI * c / k);
            double cy = 10 * Math.sin(2 * Math.PI * c / k);
            for (int i = 0; i < perCluster; i++) {
                pts[c * perCluster + i][0] = cx + spread * rnd.nextGaussian();
                pts[c * perCluster + i][1] = cy + spread * rnd.nextGaussian();
            }
        }
        return pts;
    }

    @Test
    void choosesTheTrueNumberOfSeparatedClusters() {
        for (int k : new int[] {2, 3, 5}) {
            double[][] pts = blobs(k, 50, 0.3, 11 + k);
            Bic.Choice choice = Bic.choose(pts, 1, 10, pts.length, false, 5, 7);
            assertEquals(k, choice.k(), "BIC (Eq. 3.1) should recover " + k + " clusters");
        }
    }

    @Test
    void kMeansSeparatesBlobsPerfectly() {
        double[][] pts = blobs(3, 30, 0.3, 3);
        KMeans.Clustering c = KMeans.fit(pts, 3, 3, 100, 1);
        for (int cl = 0; cl < 3; cl++) {
            for (int i = 1; i < 30; i++) {
                assertEquals(c.assign()[cl * 30], c.assign()[cl * 30 + i]);
            }
        }
    }
}
