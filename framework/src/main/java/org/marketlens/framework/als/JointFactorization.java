package org.marketlens.framework.als;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.marketlens.framework.cooccurrence.SparseRows;

/**
 * The joint objective of Eq. 4.4 (MODELS.md §2.5) with switchable co-occurrence terms, trained by the closed-form
 * block updates of Eq. 4.5–4.8 (Algorithm 1, §2.7). Terms: L1 (WMF on the liked matrix M, weights
 * {@code w_up = l(1 + φ M[u,p])}, Eq. 4.1), L2 (co-liked SPPMI X, factors Γ, biases b, c), L3 (co-disliked SPPMI Y,
 * Δ, d, e), L4 (user SPPMI Z, Θ, f, g). A null matrix switches its term off: WMF = L1, Cofactor = L1 + L2,
 * U_RME = L1 + L2 + L4, I_RME = L1 + L2 + L3, RME = all (§2.10). Every block update is the exact minimiser of L in
 * that block, so L never increases. Factors start i.i.d. N(0, 0.01²), biases at 0 (§2.6); each factor set has its
 * own random stream, so switching a term does not change the others' initial values. Not thread-safe.
 */
public final class JointFactorization {
    private final AlsSettings s;
    private final int m;
    private final int n;
    private final SparseRows liked;
    private final SparseRows likedByItem;
    private final SparseRows x;
    private final SparseRows y;
    private final SparseRows z;
    private final BatchedRidge ridge;
    /** Row-major factor matrices: users [m,k], items [n,k], co-liked contexts Γ, co-disliked contexts Δ [n,k], user contexts Θ [m,k]. */
    private float[] users;
    private float[] items;
    private float[] gamma;
    private float[] delta;
    private float[] theta;
    private final double[] b;
    private final double[] c;
    private final double[] d;
    private final double[] e;
    private final double[] f;
    private final double[] g;

    /**
     * @param liked      M [m, n], 0/1
     * @param coLiked    X [n, n] or null (L2 off)
     * @param coDisliked Y [n, n] or null (L3 off)
     * @param userPairs  Z [m, m] or null (L4 off)
     * @param settings   k, λ1, λ2, l, φ, w, seed, threads
     */
    public JointFactorization(SparseRows liked, SparseRows coLiked, SparseRows coDisliked, SparseRows userPairs,
                              AlsSettings settings) {
        this.s = settings;
        this.m = liked.rows();
        this.n = liked.cols();
        this.liked = liked;
        this.likedByItem = liked.transpose();
        this.x = coLiked;
        this.y = coDisliked;
        this.z = userPairs;
        this.ridge = new BatchedRidge(settings.k(), settings.threads());
        this.users = init(m, 0);
        this.items = init(n, 1);
        this.gamma = x == null ? null : init(n, 2);
        this.delta = y == null ? null : init(n, 3);
        this.theta = z == null ? null : init(m, 4);
        this.b = new double[n];
        this.c = new double[n];
        this.d = new double[n];
        this.e = new double[n];
        this.f = new double[m];
        this.g = new double[m];
    }

    private float[] init(int rows, int stream) {
        SplittableRandom random = new SplittableRandom(s.seed() + 0x9E3779B97F4A7C15L * (stream + 1));
        float[] out = new float[rows * s.k()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (0.01 * gaussian(random));
        }
        return out;
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** One iteration of Algorithm 1: users, items, contexts, biases. */
    public void sweep() {
        updateUsers();
        updateItems();
        updateContexts();
        updateBiases();
    }

    /** Eq. 4.5: every α_u. */
    public void updateUsers() {
        List<RidgeTerm> terms = new ArrayList<>();
        terms.add(wmfTerm(liked, items));
        if (z != null) {
            terms.add(sppmiTerm(z, theta, f, g, true));
        }
        users = ridge.solve(m, wmfBase(items, n, s.lambdaUserItem()), terms);
    }

    /** Eq. 4.6: every β_p. */
    public void updateItems() {
        List<RidgeTerm> terms = new ArrayList<>();
        terms.add(wmfTerm(likedByItem, users));
        if (x != null) {
            terms.add(sppmiTerm(x, gamma, b, c, true));
        }
        if (y != null) {
            terms.add(sppmiTerm(y, delta, d, e, true));
        }
        items = ridge.solve(n, wmfBase(users, m, s.lambdaUserItem()), terms);
    }

    /** Eq. 4.7: every γ_i, δ_i', θ_j (A-24: θ uses the user biases f, g). */
    public void updateContexts() {
        if (x != null) {
            gamma = ridge.solve(n, identity(s.lambdaContext()), List.of(sppmiTerm(x, items, b, c, false)));
        }
        if (y != null) {
            delta = ridge.solve(n, identity(s.lambdaContext()), List.of(sppmiTerm(y, items, d, e, false)));
        }
        if (z != null) {
            theta = ridge.solve(m, identity(s.lambdaContext()), List.of(sppmiTerm(z, users, f, g, false)));
        }
    }

    /** Eq. 4.8 in the order b, c, d, e, f, g, each with the latest values. */
    public void updateBiases() {
        if (x != null) {
            rowBias(x, items, gamma, b, c);
            rowBias(x, gamma, items, c, b);
        }
        if (y != null) {
            rowBias(y, items, delta, d, e);
            rowBias(y, delta, items, e, d);
        }
        if (z != null) {
            rowBias(z, users, theta, f, g);
            rowBias(z, theta, users, g, f);
        }
    }

    /**
     * Sets {@code bias[r] = mean over stored (r, j) of (S[r,j] − rowFactor_rᵀ colFactor_j − other[j])}: the exact
     * minimiser in {@code bias} (uniform weight w), using symmetry of S for the column role.
     */
    private void rowBias(SparseRows sppmi, float[] rowFactors, float[] colFactors, double[] bias, double[] other) {
        int k = s.k();
        for (int r = 0; r < sppmi.rows(); r++) {
            int from = sppmi.rowStart()[r];
            int to = sppmi.rowStart()[r + 1];
            if (from == to) {
                bias[r] = 0;
                continue;
            }
            double sum = 0;
            for (int q = from; q < to; q++) {
                int j = sppmi.columns()[q];
                sum += sppmi.values()[q] - dot(rowFactors, r, colFactors, j, k) - other[j];
            }
            bias[r] = sum / (to - from);
        }
    }

    /** WMF part of Eq. 4.5/4.6 after the implicit-ALS trick: l·φ·ββᵀ per liked cell, l(1+φ)·β on the right. */
    private RidgeTerm wmfTerm(SparseRows rows, float[] factors) {
        float[] rhs = new float[rows.nonZeros()];
        java.util.Arrays.fill(rhs, (float) (s.l() * (1 + s.phi())));
        return RidgeTerm.uniform(factors, rows, (float) (s.l() * s.phi()), rhs);
    }

    /**
     * SPPMI part: weight w, target {@code S[r,j] − rowBias − colBias}. For the factor side (α, β updates) the
     * output row r plays the row role ({@code rowBias[r] + colBias[j]}); for the context side (γ, δ, θ) the output
     * row is the context, so the biases are {@code rowBias[j] + colBias[r]}.
     */
    private RidgeTerm sppmiTerm(SparseRows sppmi, float[] factors, double[] rowBias, double[] colBias, boolean rowRole) {
        float[] rhs = new float[sppmi.nonZeros()];
        float w = (float) s.w();
        for (int r = 0; r < sppmi.rows(); r++) {
            for (int q = sppmi.rowStart()[r]; q < sppmi.rowStart()[r + 1]; q++) {
                int j = sppmi.columns()[q];
                double biases = rowRole ? rowBias[r] + colBias[j] : rowBias[j] + colBias[r];
                rhs[q] = (float) (w * (sppmi.values()[q] - biases));
            }
        }
        return RidgeTerm.uniform(factors, sppmi, w, rhs);
    }

    /** @return {@code l·FᵀF + λI} (the unobserved-cell part of Eq. 4.5/4.6), row-major k × k */
    private double[] wmfBase(float[] factors, int rows, double lambda) {
        double[] base = FactorAlgebra.gram(factors, rows, s.k());
        for (int i = 0; i < base.length; i++) {
            base[i] *= s.l();
        }
        for (int i = 0; i < s.k(); i++) {
            base[i * s.k() + i] += lambda;
        }
        return base;
    }

    private double[] identity(double lambda) {
        double[] out = new double[s.k() * s.k()];
        for (int i = 0; i < s.k(); i++) {
            out[i * s.k() + i] = lambda;
        }
        return out;
    }

    static double dot(float[] a, int i, float[] b, int j, int k) {
        double sum = 0;
        int oa = i * k;
        int ob = j * k;
        for (int q = 0; q < k; q++) {
            sum += a[oa + q] * b[ob + q];
        }
        return sum;
    }

    /** @return the value of Eq. 4.4 for the active terms (double precision; the WMF sum over all m·n cells exactly) */
    public double objective() {
        int k = s.k();
        double[] uu = FactorAlgebra.gram(users, m, k);
        double[] pp = FactorAlgebra.gram(items, n, k);
        double all = 0;
        for (int i = 0; i < uu.length; i++) {
            all += uu[i] * pp[i];
        }
        double l1 = s.l() * all;
        for (int u = 0; u < m; u++) {
            for (int q = liked.rowStart()[u]; q < liked.rowStart()[u + 1]; q++) {
                double score = dot(users, u, items, liked.columns()[q], k);
                l1 += s.l() * (1 + s.phi()) * (1 - score) * (1 - score) - s.l() * score * score;
            }
        }
        double loss = 0.5 * l1;
        double reg = s.lambdaUserItem() * (FactorAlgebra.squaredNorm(users) + FactorAlgebra.squaredNorm(items));
        if (x != null) {
            loss += sppmiLoss(x, items, gamma, b, c);
            reg += s.lambdaContext() * FactorAlgebra.squaredNorm(gamma);
        }
        if (y != null) {
            loss += sppmiLoss(y, items, delta, d, e);
            reg += s.lambdaContext() * FactorAlgebra.squaredNorm(delta);
        }
        if (z != null) {
            loss += sppmiLoss(z, users, theta, f, g);
            reg += s.lambdaContext() * FactorAlgebra.squaredNorm(theta);
        }
        return loss + 0.5 * reg;
    }

    private double sppmiLoss(SparseRows sppmi, float[] rowFactors, float[] colFactors, double[] rowBias, double[] colBias) {
        double sum = 0;
        for (int r = 0; r < sppmi.rows(); r++) {
            for (int q = sppmi.rowStart()[r]; q < sppmi.rowStart()[r + 1]; q++) {
                int j = sppmi.columns()[q];
                double res = sppmi.values()[q] - dot(rowFactors, r, colFactors, j, s.k()) - rowBias[r] - colBias[j];
                sum += res * res;
            }
        }
        return 0.5 * s.w() * sum;
    }

    /** @return a copy of the user factors α, row-major [m, k] */
    public float[] userFactors() {
        return users.clone();
    }

    /** @return a copy of the item factors β, row-major [n, k] */
    public float[] itemFactors() {
        return items.clone();
    }

    /** @return the settings */
    public AlsSettings settings() {
        return s;
    }
}
