package org.marketlens.framework.internal.cli;

/**
 * One registered plugin as {@code marketlens list} shows it.
 *
 * @param kind    plural kind label: {@code models}, {@code losses}, ...
 * @param name    its {@code marketlens.name}
 * @param bundle  symbolic name of the bundle that registered it
 * @param version that bundle's version
 */
record PluginEntry(String kind, String name, String bundle, String version) {
}
