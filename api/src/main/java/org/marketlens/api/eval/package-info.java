/**
 * Evaluation protocols, ranking metrics and per-case results (MODELS.md §2.11, §3.12, §4.8, §5.7;
 * ties: A-3).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.marketlens.api.eval;
