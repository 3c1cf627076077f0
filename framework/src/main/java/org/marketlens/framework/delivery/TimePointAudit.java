package org.marketlens.framework.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marketlens.api.delivery.AuthorRole;
import org.marketlens.api.delivery.BackerCount;
import org.marketlens.api.delivery.Comment;
import org.marketlens.api.delivery.DeliveryLabel;
import org.marketlens.api.delivery.Feature;
import org.marketlens.api.delivery.FeatureBlock;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.api.delivery.Update;

/**
 * Checks that a feature extractor uses no data after its time point (MODELS.md §1.3): every column declares a
 * first time point not after the block's, and adding comments, updates and backers after the cut-off or changing
 * the label does not change any extracted value. Used by the extractors' tests.
 */
public final class TimePointAudit {
    private static final String LATE_TEXT = "Unfortunately we are worried about the delay? Sorry, problem, afraid, "
            + "shipped delivered finished happy great thanks.";

    private TimePointAudit() {
    }

    /**
     * @param extractor the extractor under audit (fitted on {@code projects} at each time point)
     * @param projects  sample projects
     * @param seed      seed passed to {@code fit}
     * @return human-readable violations, empty when none
     */
    public static List<String> violations(FeatureExtractor extractor, List<Project> projects, long seed) {
        List<String> out = new ArrayList<>();
        for (TimePoint tp : TimePoint.values()) {
            FeatureBlock block = extractor.fit(projects, tp, seed);
            for (Feature f : block.features()) {
                if (!tp.includes(f.availableFrom())) {
                    out.add(tp + ": column " + f.name() + " is available only from " + f.availableFrom());
                }
            }
            for (Project p : projects) {
                double[] a = block.extract(p);
                double[] b = block.extract(withLaterData(p, tp));
                if (!Arrays.equals(a, b)) {
                    out.add(tp + ": " + extractor.group() + " values of " + p.id() + " change with data after "
                            + tp + ": " + Arrays.toString(a) + " vs " + Arrays.toString(b));
                }
            }
        }
        return out;
    }

    /** @return the project plus activity 1 s and 1 day after the cut-off, and a flipped label */
    public static Project withLaterData(Project p, TimePoint tp) {
        Instant c = TimePoints.cutoff(p, tp);
        List<Update> updates = new ArrayList<>(p.updates());
        List<Comment> comments = new ArrayList<>(p.comments());
        List<BackerCount> backers = new ArrayList<>(p.backerCounts());
        int last = p.backersAt(Instant.MAX);
        for (Instant t : List.of(c.plusSeconds(1), c.plusSeconds(86_400))) {
            updates.add(new Update(t, LATE_TEXT));
            comments.add(new Comment(t, "creator", AuthorRole.CREATOR, LATE_TEXT));
            comments.add(new Comment(t, "audit-backer", AuthorRole.BACKER, LATE_TEXT));
            backers.add(new BackerCount(t, last + 1000));
        }
        Boolean late = p.label().late();
        DeliveryLabel flipped = new DeliveryLabel(late == null ? Boolean.TRUE : !late, 9999.0);
        return new Project(p.id(), p.category(), p.goal(), p.pledged(), p.launchTime(), p.fundraisingEndTime(),
                p.description(), p.bio(), p.nImages(), p.nFaqs(), p.creator(), p.rewards(), updates, comments, backers,
                flipped);
    }
}
