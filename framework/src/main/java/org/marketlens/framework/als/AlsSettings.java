package org.marketlens.framework.als;

/**
 * Settings of {@link JointFactorization} (MODELS.md §2.3, §2.5, §2.11).
 *
 * @param k              latent dimension
 * @param lambdaUserItem λ1: L2 weight of α and β (static setting: λ1 = λ2 = λ)
 * @param lambdaContext  λ2: L2 weight of γ, δ, θ
 * @param l              WMF scale of unobserved cells (A-21: 1)
 * @param phi            WMF confidence boost of liked cells, weight l(1+φ) (A-21: 9)
 * @param w              weight of every SPPMI cell (A-22: 1)
 * @param seed           seed of the initial factors
 * @param threads        parallel workers of the batched solver
 */
public record AlsSettings(int k, double lambdaUserItem, double lambdaContext, double l, double phi, double w,
                          long seed, int threads) {
    public AlsSettings {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (!(lambdaUserItem > 0) || !(lambdaContext > 0)) {
            throw new IllegalArgumentException("λ must be > 0 so every normal matrix is positive definite");
        }
        if (!(l > 0) || !(phi >= 0) || !(w >= 0)) {
            throw new IllegalArgumentException("need l > 0, φ >= 0, w >= 0");
        }
    }
}
