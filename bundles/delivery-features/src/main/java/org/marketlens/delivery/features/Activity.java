package org.marketlens.delivery.features;

import java.time.Instant;
import org.marketlens.api.delivery.AuthorRole;
import org.marketlens.api.delivery.Comment;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.Update;

/** Time-windowed counts of comments and updates (MODELS.md §1.4.1–§1.4.3). Windows are (from, to]. */
final class Activity {
    private Activity() {
    }

    /** A backer comment is a question when it contains a question mark (§1.4.3 [ASSUMPTION]). */
    static boolean isQuestion(Comment c) {
        return c.role() == AuthorRole.BACKER && c.text().indexOf('?') >= 0;
    }

    static int comments(Project p, AuthorRole role, Instant from, Instant to) {
        int n = 0;
        for (Comment c : p.comments()) {
            if ((role == null || c.role() == role) && in(c.time(), from, to)) {
                n++;
            }
        }
        return n;
    }

    static int updates(Project p, Instant from, Instant to) {
        int n = 0;
        for (Update u : p.updates()) {
            if (in(u.time(), from, to)) {
                n++;
            }
        }
        return n;
    }

    /** @return whether {@code t} lies in (from, to]; a null {@code from} means no lower bound */
    static boolean in(Instant t, Instant from, Instant to) {
        return !t.isAfter(to) && (from == null || t.isAfter(from));
    }
}
