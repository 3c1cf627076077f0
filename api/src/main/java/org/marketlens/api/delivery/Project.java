package org.marketlens.api.delivery;

import java.time.Instant;
import java.util.List;

/**
 * One crowdfunding project (MODELS.md §1.1). This record is also the JSON schema read by the {@code json}
 * project source: one JSON array of objects whose keys are the component names below; timestamps are ISO-8601
 * instants ({@code "2014-03-01T12:00:00Z"}); absent lists read as empty, absent texts as empty strings.
 *
 * <pre>
 * { "id": "p1", "category": "games", "goal": 5000, "pledged": 7200,
 *   "launchTime": "...", "fundraisingEndTime": "...", "description": "...", "bio": "...",
 *   "nImages": 4, "nFaqs": 1,
 *   "creator":  { "id": "c1", "projectsCreated": 2, "projectsBacked": 10 },
 *   "rewards":  [ { "description": "...", "estimatedDelivery": "...", "backers": 40 } ],
 *   "updates":  [ { "time": "...", "text": "..." } ],
 *   "comments": [ { "time": "...", "authorId": "b7", "role": "BACKER", "text": "..." } ],
 *   "backerCounts": [ { "time": "...", "backers": 12 } ],
 *   "label": { "late": true, "actualDurationDays": 210.0 } }
 * </pre>
 *
 * @param id                 stable project id
 * @param category           Kickstarter top-level category, lower case (e.g. {@code games})
 * @param goal               funding goal in USD
 * @param pledged            pledged amount in USD at the end of fundraising
 * @param launchTime         start of fundraising
 * @param fundraisingEndTime end of fundraising
 * @param description        project description text
 * @param bio                creator biography text
 * @param nImages            images on the project page
 * @param nFaqs              FAQ entries on the project page
 * @param creator            the creator and their history
 * @param rewards            reward tiers
 * @param updates            creator updates, any order
 * @param comments           comments of creator and backers, any order
 * @param backerCounts       cumulative backer counts over time (at least the final count when known)
 * @param label              outcome labels; {@link DeliveryLabel#UNKNOWN} when unlabeled
 */
public record Project(String id, String category, double goal, double pledged, Instant launchTime,
        Instant fundraisingEndTime, String description, String bio, int nImages, int nFaqs, Creator creator,
        List<Reward> rewards, List<Update> updates, List<Comment> comments, List<BackerCount> backerCounts,
        DeliveryLabel label) {

    /** Normalises absent values: null lists become empty immutable lists, null texts empty strings. */
    public Project {
        category = category == null ? "" : category;
        description = description == null ? "" : description;
        bio = bio == null ? "" : bio;
        creator = creator == null ? new Creator("", 0, 0) : creator;
        rewards = rewards == null ? List.of() : List.copyOf(rewards);
        updates = updates == null ? List.of() : List.copyOf(updates);
        comments = comments == null ? List.of() : List.copyOf(comments);
        backerCounts = backerCounts == null ? List.of() : List.copyOf(backerCounts);
        label = label == null ? DeliveryLabel.UNKNOWN : label;
    }

    /**
     * @param time a point in time
     * @return the latest cumulative backer count recorded at or before {@code time}, 0 when none
     */
    public int backersAt(Instant time) {
        int best = 0;
        Instant bestTime = null;
        for (BackerCount c : backerCounts) {
            if (!c.time().isAfter(time) && (bestTime == null || c.time().isAfter(bestTime))) {
                best = c.backers();
                bestTime = c.time();
            }
        }
        return best;
    }

    /** @return a copy with another label (used to hide labels from feature extraction) */
    public Project withLabel(DeliveryLabel newLabel) {
        return new Project(id, category, goal, pledged, launchTime, fundraisingEndTime, description, bio, nImages,
                nFaqs, creator, rewards, updates, comments, backerCounts, newLabel);
    }
}
