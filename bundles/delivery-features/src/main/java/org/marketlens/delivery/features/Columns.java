package org.marketlens.delivery.features;

import java.util.ArrayList;
import java.util.List;
import org.marketlens.api.delivery.Feature;
import org.marketlens.api.delivery.TimePoint;

/** Builds the column list of a block: a column is listed only when its first time point is reached. */
final class Columns {
    private final String group;
    private final TimePoint at;
    private final List<Feature> features = new ArrayList<>();

    Columns(String group, TimePoint at) {
        this.group = group;
        this.at = at;
    }

    Columns add(String name, TimePoint from) {
        if (at.includes(from)) {
            features.add(new Feature(name, group, from, false));
        }
        return this;
    }

    Columns addCategorical(String name, TimePoint from) {
        if (at.includes(from)) {
            features.add(new Feature(name, group, from, true));
        }
        return this;
    }

    List<Feature> build() {
        return List.copyOf(features);
    }
}
