package org.marketlens.api.delivery;

/**
 * One feature column (MODELS.md §1.4.7, Table 3.1).
 *
 * @param name        unique column name, e.g. {@code nCreatorUpdates@TP4}
 * @param group       feature group: {@code project}, {@code creator}, {@code backer}, {@code temporal},
 *                    {@code linguistic}, {@code semantic}, {@code kim}
 * @param availableFrom the first time point at which the value can be known
 * @param categorical whether the column is a one-hot indicator of a categorical value (kept out of VIF, §1.6)
 */
public record Feature(String name, String group, TimePoint availableFrom, boolean categorical) {
}
