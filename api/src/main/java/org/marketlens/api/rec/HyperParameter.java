package org.marketlens.api.rec;

/**
 * A declared hyper-parameter of a plugin.
 *
 * @param name         key used in experiment specs
 * @param defaultValue default (Number, Boolean or String); cites its MODELS.md table in the description
 * @param description  one line for the user
 */
public record HyperParameter(String name, Object defaultValue, String description) {
}
