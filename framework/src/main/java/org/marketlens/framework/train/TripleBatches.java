package org.marketlens.framework.train;

import java.util.SplittableRandom;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.train.NegativeSampler;

/**
 * One epoch of (user, positive, negative) training triples: every training interaction appears {@code negatives}
 * times in a shuffled order, each time with a freshly sampled negative (MODELS.md §3.7, §4.8: 4 negatives per
 * positive).
 * <p>
 * Grouped ({@code hardest} negative pooling, thanhdtran/SDMR {@code model_rec.py}): the instances are shuffled
 * instead, and each emits its {@code negatives} triples consecutively (same user, positive and interaction offset,
 * fresh negatives); a batch holds {@code batchSize} whole groups ({@code batchSize · negatives} triples, the last
 * batch fewer groups), so a loss can pool a positive's negatives. The triples per epoch are the same.
 */
public final class TripleBatches {
    private final InteractionData train;
    private final NegativeSampler sampler;
    private final int negatives;
    private final int batchSize;
    private final int[] userOf;
    /** Interaction offsets that form training instances, ascending; every interaction when not restricted. */
    private final int[] instances;
    /** Whether each instance's triples are consecutive and {@link #batchSize} counts instances. */
    private final boolean grouped;

    /**
     * @param train     training data
     * @param sampler   negative sampler
     * @param negatives negatives per positive
     * @param batchSize triples per batch
     */
    public TripleBatches(InteractionData train, NegativeSampler sampler, int negatives, int batchSize) {
        this(train, sampler, negatives, batchSize, null);
    }

    /**
     * @param train     training data
     * @param sampler   negative sampler
     * @param negatives negatives per positive
     * @param batchSize triples per batch
     * @param instances the interaction offsets that are training instances (e.g. those with a non-empty context,
     *                  MODELS.md A-39), or {@code null} for every interaction
     */
    public TripleBatches(InteractionData train, NegativeSampler sampler, int negatives, int batchSize,
            int[] instances) {
        this(train, sampler, negatives, batchSize, instances, false);
    }

    /**
     * @param train     training data
     * @param sampler   negative sampler
     * @param negatives negatives per positive
     * @param batchSize triples per batch, or instances (groups of {@code negatives} triples) per batch when grouped
     * @param instances the interaction offsets that are training instances, or {@code null} for every interaction
     * @param grouped   whether an instance's triples are consecutive and never split over two batches
     *                  ({@code hardest} negative pooling); {@code false} is the shuffled-triples epoch
     * @since 0.2.0
     */
    public TripleBatches(InteractionData train, NegativeSampler sampler, int negatives, int batchSize,
            int[] instances, boolean grouped) {
        if (negatives < 1 || batchSize < 1) {
            throw new IllegalArgumentException("negatives and batch size must be >= 1");
        }
        this.train = train;
        this.sampler = sampler;
        this.negatives = negatives;
        this.batchSize = batchSize;
        this.grouped = grouped;
        this.userOf = new int[train.size()];
        for (int u = 0; u < train.numUsers(); u++) {
            for (int k = train.userStart(u); k < train.userEnd(u); k++) {
                userOf[k] = u;
            }
        }
        if (instances == null) {
            instances = new int[train.size()];
            for (int k = 0; k < instances.length; k++) {
                instances[k] = k;
            }
        }
        this.instances = instances.clone();
    }

    /** @return triples per epoch */
    public long triplesPerEpoch() {
        return (long) instances.length * negatives;
    }

    /** @return batches per epoch */
    public int batchesPerEpoch() {
        if (grouped) {
            return (instances.length + batchSize - 1) / batchSize;
        }
        return (int) ((triplesPerEpoch() + batchSize - 1) / batchSize);
    }

    /** Receives one batch in fresh arrays. */
    @FunctionalInterface
    public interface BatchConsumer {
        /**
         * @param users     users
         * @param positives positives
         * @param negatives negatives
         * @param index     batch number within the epoch
         * @return false to stop the epoch early (cancellation)
         */
        boolean accept(int[] users, int[] positives, int[] negatives, int index);
    }

    /** Receives one batch together with the interaction offset of each positive (to look up its context). */
    @FunctionalInterface
    public interface InstanceBatchConsumer {
        /**
         * @param users        users
         * @param positives    positives
         * @param negatives    negatives
         * @param interactions offset in the training data of each row's positive interaction
         * @param index        batch number within the epoch
         * @return false to stop the epoch early (cancellation)
         */
        boolean accept(int[] users, int[] positives, int[] negatives, int[] interactions, int index);
    }

    /**
     * Runs one epoch.
     *
     * @param random   the epoch's random stream (shuffle and negatives)
     * @param consumer receives each batch
     */
    public void epoch(SplittableRandom random, BatchConsumer consumer) {
        epochOfInstances(random, (users, positives, negatives, interactions, index)
                -> consumer.accept(users, positives, negatives, index));
    }

    /**
     * Runs one epoch, also handing out the interaction offset of each triple.
     *
     * @param random   the epoch's random stream (shuffle and negatives)
     * @param consumer receives each batch
     */
    public void epochOfInstances(SplittableRandom random, InstanceBatchConsumer consumer) {
        if (grouped) {
            groupedEpoch(random, consumer);
            return;
        }
        int n = instances.length * negatives;
        int[] order = new int[n];
        for (int p = 0; p < n; p++) {
            order[p] = instances[p / negatives];
        }
        for (int p = n - 1; p > 0; p--) {
            int q = random.nextInt(p + 1);
            int t = order[p];
            order[p] = order[q];
            order[q] = t;
        }
        int batch = 0;
        for (int from = 0; from < n; from += batchSize) {
            int size = Math.min(batchSize, n - from);
            if (!emit(order, from, size, random, consumer, batch++)) {
                return;
            }
        }
    }

    /** The grouped epoch: shuffled instances, each instance's triples consecutive, whole groups per batch. */
    private void groupedEpoch(SplittableRandom random, InstanceBatchConsumer consumer) {
        int[] shuffled = instances.clone();
        for (int p = shuffled.length - 1; p > 0; p--) {
            int q = random.nextInt(p + 1);
            int t = shuffled[p];
            shuffled[p] = shuffled[q];
            shuffled[q] = t;
        }
        int n = shuffled.length * negatives;
        int[] order = new int[n];
        for (int p = 0; p < n; p++) {
            order[p] = shuffled[p / negatives];
        }
        int batch = 0;
        int triples = batchSize * negatives;
        for (int from = 0; from < n; from += triples) {
            if (!emit(order, from, Math.min(triples, n - from), random, consumer, batch++)) {
                return;
            }
        }
    }

    /** Hands out the triples {@code order[from, from + size)} with fresh negatives; false to stop. */
    private boolean emit(int[] order, int from, int size, SplittableRandom random, InstanceBatchConsumer consumer,
            int batch) {
        int[] users = new int[size];
        int[] positives = new int[size];
        int[] negativeItems = new int[size];
        int[] interactions = new int[size];
        for (int b = 0; b < size; b++) {
            int k = order[from + b];
            interactions[b] = k;
            users[b] = userOf[k];
            positives[b] = train.item(k);
        }
        sampler.sample(train, users, positives, negativeItems, random);
        return consumer.accept(users, positives, negativeItems, interactions, batch);
    }
}
