/**
 * Experiments: JSON specs, the runner (load, split, train with early stopping and grid search on validation,
 * evaluate), comparison tables with paired significance tests, provenance and atomic report writing
 * (ARCHITECTURE.md "Data flow of one experiment"; STYLE.md "Provenance of every result").
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.marketlens.framework.experiment;
