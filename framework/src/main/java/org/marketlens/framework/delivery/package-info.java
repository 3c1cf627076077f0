/**
 * The reward-delivery pipeline shared by the delivery bundles (MODELS.md §1): time-point cut-offs (§1.3),
 * stratified folds, feature assembly and selection per fold, metrics (accuracy, RMSE, NRMSE@A/B; §1.7,
 * §1.8) and the experiment that prints Tables 3.3–3.5.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.marketlens.framework.delivery;
