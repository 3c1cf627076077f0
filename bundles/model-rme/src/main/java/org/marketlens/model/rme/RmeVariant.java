package org.marketlens.model.rme;

/** The RME ablations of MODELS.md §2.10 and which terms of Eq. 4.4 each keeps. */
enum RmeVariant {
    /** L1 + L2 + L3 + L4. */
    RME(true, true),
    /** RME − DIE: L1 + L2 + L4. */
    U_RME(false, true),
    /** RME − UE: L1 + L2 + L3. */
    I_RME(true, false);

    private final boolean dislikes;
    private final boolean userEmbedding;

    RmeVariant(boolean dislikes, boolean userEmbedding) {
        this.dislikes = dislikes;
        this.userEmbedding = userEmbedding;
    }

    boolean usesDislikes() {
        return dislikes;
    }

    boolean usesUserEmbedding() {
        return userEmbedding;
    }

    static RmeVariant parse(String name) {
        for (RmeVariant v : values()) {
            if (v.name().equalsIgnoreCase(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown RME variant '" + name + "'; known: RME, U_RME, I_RME");
    }
}
