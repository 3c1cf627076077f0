package org.marketlens.framework.experiment;

/** Receives progress of an experiment (the CLI draws a bar; tests ignore it). */
public interface Progress {
    /** Ignores everything. */
    Progress NONE = new Progress() {
        @Override
        public void update(String task, long done, long total) {
        }

        @Override
        public void message(String line) {
        }
    };

    /**
     * @param task  what runs, e.g. {@code MF-BPR train epoch 3/50}
     * @param done  units done
     * @param total units in all
     */
    void update(String task, long done, long total);

    /** @param line a line for the user, e.g. a finished model's validation score */
    void message(String line);
}
