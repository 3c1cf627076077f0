package org.marketlens.api.delivery;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where projects come from: a JSON file, a real Kickstarter dump, or the synthetic generator. Registered with
 * {@code marketlens.name} ({@code json}, {@code synthetic}, {@code kickscrape}, {@code kickstarter-15k}, ...).
 */
@ConsumerType
public interface ProjectSource {
    /** Option naming a file or folder to read. */
    String PATH = "path";
    /** Option: number of projects to generate or to keep. */
    String SIZE = "size";
    /** Option: random seed. */
    String SEED = "seed";

    /**
     * @param options source options ({@link #PATH}, {@link #SIZE}, {@link #SEED}, source-specific ones)
     * @return all projects, complete or an exception
     * @throws IOException when a file is missing or malformed; the message names the file
     */
    List<Project> load(Map<String, String> options) throws IOException;
}
