package org.marketlens.api.rec;

/** Service properties every Marketlens plugin (model, loss, sampler, evaluator, loader) registers. */
public final class PluginProperties {
    /** The name experiments use to find the plugin: {@code MF-BPR}, {@code BPR}, {@code uniform}, {@code loo-sampled}. */
    public static final String NAME = "marketlens.name";
    /** Tasks a model supports, e.g. {@code general}, {@code basket}, {@code playlist}. */
    public static final String TASKS = "marketlens.tasks";

    private PluginProperties() {
    }
}
