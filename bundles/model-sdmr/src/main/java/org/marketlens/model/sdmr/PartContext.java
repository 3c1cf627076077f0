package org.marketlens.model.sdmr;

import java.util.Optional;
import java.util.OptionalDouble;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;

/** The context a part (SDP or SDM) pre-trains in: SDMR's, with recorded facts and progress prefixed by the part. */
final class PartContext implements TrainingContext {
    private final String part;
    private final TrainingContext outer;

    PartContext(String part, TrainingContext outer) {
        this.part = part;
        this.outer = outer;
    }

    @Override
    public long seed() {
        return outer.seed() * 31 + part.hashCode();
    }

    @Override
    public int maxEpochs() {
        return outer.maxEpochs();
    }

    @Override
    public int patience() {
        return outer.patience();
    }

    @Override
    public OptionalDouble validate(Recommender candidate) {
        return outer.validate(candidate);
    }

    @Override
    public <T> Optional<T> plugin(Class<T> type) {
        return outer.plugin(type);
    }

    @Override
    public <T> Optional<T> plugin(Class<T> type, String name) {
        return outer.plugin(type, name);
    }

    @Override
    public void progress(String stage, long done, long total) {
        outer.progress(part + " " + stage, done, total);
    }

    @Override
    public boolean cancelled() {
        return outer.cancelled();
    }

    @Override
    public void record(String key, Object value) {
        outer.record(part + "." + key, value);
    }
}
