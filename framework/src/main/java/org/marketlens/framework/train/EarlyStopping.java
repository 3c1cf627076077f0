package org.marketlens.framework.train;

/**
 * Tracks the best validation value and stops after {@code patience} epochs without improvement (A-7: a strictly
 * higher value is an improvement).
 */
public final class EarlyStopping {
    private final int patience;
    private double best = Double.NEGATIVE_INFINITY;
    private int bestEpoch = -1;
    private int sinceBest;

    /** @param patience epochs without improvement before stopping; must be >= 1 */
    public EarlyStopping(int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1, got " + patience);
        }
        this.patience = patience;
    }

    /**
     * @param epoch the epoch just finished (0-based)
     * @param value its validation value
     * @return true when this is a new best
     */
    public boolean record(int epoch, double value) {
        if (value > best) {
            best = value;
            bestEpoch = epoch;
            sinceBest = 0;
            return true;
        }
        sinceBest++;
        return false;
    }

    /** @return true once {@code patience} epochs passed without improvement */
    public boolean shouldStop() {
        return sinceBest >= patience;
    }

    /** @return the best value so far, or negative infinity */
    public double best() {
        return best;
    }

    /** @return the epoch of the best value, or -1 */
    public int bestEpoch() {
        return bestEpoch;
    }
}
