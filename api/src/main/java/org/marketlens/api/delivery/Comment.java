package org.marketlens.api.delivery;

import java.time.Instant;

/**
 * A comment on the project page (MODELS.md §1.1).
 *
 * @param time     when it was posted
 * @param authorId author id (distinct backers are counted by it, §1.4.3)
 * @param role     creator or backer
 * @param text     its text
 */
public record Comment(Instant time, String authorId, AuthorRole role, String text) {
    /** Null text reads as empty, a null role as backer. */
    public Comment {
        text = text == null ? "" : text;
        authorId = authorId == null ? "" : authorId;
        role = role == null ? AuthorRole.BACKER : role;
    }
}
