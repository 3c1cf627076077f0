package org.marketlens.api.data;

import org.osgi.annotation.versioning.ProviderType;

/** Bijection between external ids (as read from a file) and dense indices {@code 0..size()-1}. */
@ProviderType
public interface IdMap {
    /** @return number of distinct ids */
    int size();

    /** @return the dense index of {@code externalId}, or -1 when the id is unknown */
    int index(String externalId);

    /** @return the external id of dense index {@code index} */
    String externalId(int index);
}
