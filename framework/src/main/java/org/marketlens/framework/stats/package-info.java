/**
 * Dataset statistics in the shape of the dissertation's dataset tables (MODELS.md §3.13 Table 4.3, §4.9
 * Tables 5.1–5.2, §5.9 Table 5.5): users, items, interactions, density, groups and average group sizes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.marketlens.framework.stats;
