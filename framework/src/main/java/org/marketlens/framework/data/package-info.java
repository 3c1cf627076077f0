/**
 * Compressed-sparse-row interaction data, dense id maps and the seeded leave-one-out splitter
 * (MODELS.md §4.8, §3.12; ).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.marketlens.framework.data;
