package org.marketlens.api.delivery;

/** Who wrote a comment (MODELS.md §1.1). */
public enum AuthorRole {
    /** The project's creator. */
    CREATOR,
    /** A backer (anyone who is not the creator). */
    BACKER
}
