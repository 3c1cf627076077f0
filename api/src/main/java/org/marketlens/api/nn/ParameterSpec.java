package org.marketlens.api.nn;

/**
 * A trainable tensor of a model.
 *
 * @param name  unique name within the model, e.g. {@code user_embedding}
 * @param shape tensor shape, e.g. {@code [numUsers, d]}
 * @param init  initialisation
 * @param scale standard deviation for {@link Init#NORMAL}, the value for {@link Init#CONSTANT}, the upper bound for
 *              {@link Init#UNIFORM}; unused otherwise
 */
public record ParameterSpec(String name, long[] shape, Init init, double scale) {
    /** Initialisations the dissertation uses (MODELS.md §4.8). */
    public enum Init {
        /** N(0, scale^2), e.g. embeddings with scale 0.01. */
        NORMAL,
        /** He-normal: N(0, 2 / fan_in), fan_in = last dimension. */
        HE_NORMAL,
        /** Every entry equals scale. */
        CONSTANT,
        /**
         * Uniform in {@code [0, scale)}, e.g. MDR's playlist metric vector B2 (MODELS.md §3.4).
         *
         * @since 0.4.0
         */
        UNIFORM
    }

    /** @return an embedding table {@code [rows, dim]} initialised N(0, std^2) */
    public static ParameterSpec embedding(String name, long rows, long dim, double std) {
        return new ParameterSpec(name, new long[] {rows, dim}, Init.NORMAL, std);
    }
}
