/**
 * Ranking of held-out cases and the ranking metrics (MODELS.md §3.12, §4.8, §5.7; ties A-3).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.marketlens.framework.eval;
