package org.marketlens.framework.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.marketlens.api.delivery.BackerCount;
import org.marketlens.api.delivery.Comment;
import org.marketlens.api.delivery.DeliveryLabel;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.Reward;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.api.delivery.Update;

/** Time-point arithmetic of MODELS.md §1.2–§1.3. */
public final class TimePoints {
    /** Seconds per day, for durations in days. */
    public static final double DAY_SECONDS = 86_400.0;
    /** Fraction of the longest reward delivery duration that TP4 lies after the end of fundraising (§1.3). */
    public static final double TP4_FRACTION = 0.05;

    private TimePoints() {
    }

    /**
     * @return {@code (b - a)} in days, possibly negative
     */
    public static double days(Instant a, Instant b) {
        return Duration.between(a, b).toMillis() / 1000.0 / DAY_SECONDS;
    }

    /**
     * LRDD(p) = LEDD(p) − fundraisingEndTime(p) in days, LEDD = latest estimated delivery over the rewards
     * (§1.2, A-13). 0 when no reward has a date.
     */
    public static double longestDeliveryDays(Project p) {
        Instant ledd = null;
        for (Reward r : p.rewards()) {
            if (r.estimatedDelivery() != null && (ledd == null || r.estimatedDelivery().isAfter(ledd))) {
                ledd = r.estimatedDelivery();
            }
        }
        return ledd == null ? 0.0 : days(p.fundraisingEndTime(), ledd);
    }

    /** @return fundraising duration in days */
    public static double fundraisingDays(Project p) {
        return days(p.launchTime(), p.fundraisingEndTime());
    }

    /**
     * The instant of a time point (§1.3): TP1 = launch, TP2 = middle of fundraising, TP3 = end of fundraising,
     * TP4 = end + 5% of LRDD (a negative LRDD counts as 0).
     */
    public static Instant cutoff(Project p, TimePoint tp) {
        long launch = p.launchTime().toEpochMilli();
        long end = p.fundraisingEndTime().toEpochMilli();
        return switch (tp) {
            case TP1 -> p.launchTime();
            case TP2 -> Instant.ofEpochMilli(launch + (end - launch) / 2);
            case TP3 -> p.fundraisingEndTime();
            case TP4 -> Instant.ofEpochMilli(
                    end + Math.round(TP4_FRACTION * Math.max(0.0, longestDeliveryDays(p)) * DAY_SECONDS * 1000));
        };
    }

    /**
     * @return whether {@code t} is at or before the cut-off of {@code tp} for {@code p}
     */
    public static boolean visible(Project p, TimePoint tp, Instant t) {
        return t != null && !t.isAfter(cutoff(p, tp));
    }

    /**
     * The project as an observer sees it at a time point: updates, comments and backer counts after the cut-off
     * removed and the label hidden. The pipeline extracts features from this view only, so no extractor can
     * leak later data; extractors also filter by time themselves.
     */
    public static Project visibleAt(Project p, TimePoint tp) {
        Instant c = cutoff(p, tp);
        List<Update> updates = new ArrayList<>();
        for (Update u : p.updates()) {
            if (!u.time().isAfter(c)) {
                updates.add(u);
            }
        }
        List<Comment> comments = new ArrayList<>();
        for (Comment m : p.comments()) {
            if (!m.time().isAfter(c)) {
                comments.add(m);
            }
        }
        List<BackerCount> backers = new ArrayList<>();
        for (BackerCount b : p.backerCounts()) {
            if (!b.time().isAfter(c)) {
                backers.add(b);
            }
        }
        return new Project(p.id(), p.category(), p.goal(), p.pledged(), p.launchTime(), p.fundraisingEndTime(),
                p.description(), p.bio(), p.nImages(), p.nFaqs(), p.creator(), p.rewards(), updates, comments,
                backers, DeliveryLabel.UNKNOWN);
    }
}
