package org.marketlens.framework.delivery.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LeastSquaresTest {
    @Test
    void recoversExactLinearModel() {
        double[][] x = {{0, 1}, {1, 0}, {2, 3}, {3, 1}, {4, 4}, {5, 2}};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 1 + 2 * x[i][0] - 3 * x[i][1];
        }
        LeastSquares.Fit fit = LeastSquares.fit(x, y);
        assertEquals(1.0, fit.intercept(), 1e-9);
        assertArrayEquals(new double[] {2, -3}, fit.coef(), 1e-9);
        assertEquals(0.0, fit.rss(), 1e-9);
        assertEquals(1.0, fit.r2(), 1e-12);
    }

    @Test
    void collinearColumnIsDroppedNotFatal() {
        double[][] x = {{1, 2}, {2, 4}, {3, 6}, {4, 8}};
        double[] y = {1, 3, 2, 5};
        LeastSquares.Fit fit = LeastSquares.fit(x, y);
        assertEquals(1, fit.rank());
        assertEquals(0.0, fit.coef()[1]);
        // simple regression on x1: slope = cov/var = (sum (x-2.5)(y-2.75)) / 5 = 5.5/5
        assertEquals(1.1, fit.coef()[0], 1e-9);
    }

    @Test
    void noColumnsFitsTheMean() {
        LeastSquares.Fit fit = LeastSquares.fit(new double[][] {{}, {}, {}}, new double[] {1, 2, 6});
        assertEquals(3.0, fit.intercept(), 1e-12);
        assertEquals(14.0, fit.rss(), 1e-12);
    }

    @Test
    void basisGivesTheSameRssAsAFullFitForEveryTarget() {
        double[][] x = {{1, 2, 3}, {2, 4.5, 6.5}, {3, 5, 8}, {4, 8, 12.5}, {5, 9, 14}, {6, 13, 19}, {7, 13, 20}};
        LeastSquares.Basis basis = LeastSquares.basis(x);
        double[][] targets = {{1, 3, 2, 5, 4, 7, 6}, {0, 0, 1, 0, 0, 1, 0}, {2, 2, 2, 2, 2, 2, 2}};
        for (double[] y : targets) {
            assertEquals(LeastSquares.fit(x, y).rss(), basis.rss(y), 1e-9);
        }
        // a target inside the column space has RSS 0
        double[] onPlane = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            onPlane[i] = 4 - x[i][0] + 0.5 * x[i][1];
        }
        assertEquals(0.0, basis.rss(onPlane), 1e-9);
    }
}
