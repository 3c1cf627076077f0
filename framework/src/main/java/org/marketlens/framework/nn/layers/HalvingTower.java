package org.marketlens.framework.nn.layers;

/**
 * Layer widths of an MLP tower over a concatenated user and item embedding that halves at every layer: input
 * {@code 2d}, then {@code d, d/2, d/4, ...} (SDP, Eq. 5.2; the MLP part of NeuMF, MODELS.md §4.7).
 */
public final class HalvingTower {
    private HalvingTower() {
    }

    /**
     * @param model  the model's name, for the error message
     * @param dim    embedding size d
     * @param layers number of hidden layers
     * @return {@code layers + 1} widths, the input width {@code 2d} first
     * @throws IllegalArgumentException unless {@code dim >= 1}, {@code layers >= 1} and {@code d / 2^(layers-1) >= 1}
     */
    public static int[] widths(String model, int dim, int layers) {
        if (dim < 1 || layers < 1 || (dim >> (layers - 1)) < 1) {
            throw new IllegalArgumentException(model + " needs dim >= 1 and layers >= 1 with dim / 2^(layers-1) >= 1,"
                    + " got dim " + dim + ", layers " + layers);
        }
        int[] widths = new int[layers + 1];
        widths[0] = 2 * dim;
        for (int l = 1; l <= layers; l++) {
            widths[l] = dim >> (l - 1);
        }
        return widths;
    }
}
