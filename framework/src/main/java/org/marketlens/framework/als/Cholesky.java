package org.marketlens.framework.als;

/**
 * Dense Cholesky solve of one symmetric positive definite system in double precision, written so that its inner
 * loops are contiguous updates the JIT vectorises (right-looking, upper factor U with A = UᵀU, row-major).
 */
final class Cholesky {
    private Cholesky() {
    }

    /**
     * @param a row-major k × k SPD matrix; only its upper triangle is read and it is overwritten by U
     * @param b right-hand side, overwritten by the solution
     * @param k order
     * @return {@code b}, now holding x with A x = b
     * @throws IllegalStateException when A is not positive definite
     */
    static double[] solveInPlace(double[] a, double[] b, int k) {
        for (int j = 0; j < k; j++) {
            int row = j * k;
            double pivot = a[row + j];
            if (!(pivot > 0)) {
                throw new IllegalStateException("normal matrix is not positive definite (pivot " + pivot + " at " + j
                        + "); is the regularisation λ > 0?");
            }
            double diag = Math.sqrt(pivot);
            double inv = 1.0 / diag;
            a[row + j] = diag;
            for (int i = j + 1; i < k; i++) {
                a[row + i] *= inv;
            }
            for (int i = j + 1; i < k; i++) {
                double s = a[row + i];
                if (s == 0) {
                    continue;
                }
                int target = i * k;
                for (int l = i; l < k; l++) {
                    a[target + l] -= s * a[row + l];
                }
            }
        }
        // Uᵀ z = b (forward), then U x = z (backward).
        for (int i = 0; i < k; i++) {
            double s = b[i];
            for (int j = 0; j < i; j++) {
                s -= a[j * k + i] * b[j];
            }
            b[i] = s / a[i * k + i];
        }
        for (int i = k - 1; i >= 0; i--) {
            double s = b[i];
            int row = i * k;
            for (int j = i + 1; j < k; j++) {
                s -= a[row + j] * b[j];
            }
            b[i] = s / a[row + i];
        }
        return b;
    }
}
