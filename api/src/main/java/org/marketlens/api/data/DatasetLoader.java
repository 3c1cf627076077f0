package org.marketlens.api.data;

import java.io.IOException;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A data source registered as a service with property {@code marketlens.name} (e.g. {@code synthetic},
 * {@code movielens}). A loader either returns a complete dataset or throws; it never returns a
 * partially read one.
 */
@ConsumerType
public interface DatasetLoader {
    /**
     * @param params loader parameters from the experiment spec (file paths, sizes, seeds)
     * @return the dataset
     * @throws IOException when a file is missing or malformed; the message names the file and line
     */
    Dataset load(Map<String, Object> params) throws IOException;
}
