package org.marketlens.delivery.data;

import java.util.List;
import java.util.Map;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.ProjectSource;
import org.marketlens.api.rec.PluginProperties;
import org.osgi.service.component.annotations.Component;

/**
 * Synthetic labeled projects for demos and tests; options {@code size} (default 600) and {@code seed}
 * (default 1). The generative rule is documented on {@link ProjectGenerator}.
 */
@Component(property = PluginProperties.NAME + "=" + SyntheticProjectSource.NAME)
public final class SyntheticProjectSource implements ProjectSource {
    static final String NAME = "synthetic";

    @Override
    public List<Project> load(Map<String, String> options) {
        int size = Integer.parseInt(options.getOrDefault(SIZE, "600"));
        long seed = Long.parseLong(options.getOrDefault(SEED, "1"));
        return generate(size, seed);
    }

    /**
     * @param size number of projects
     * @param seed seed
     * @return labeled synthetic projects
     */
    public static List<Project> generate(int size, long seed) {
        return new ProjectGenerator(seed).generate(size);
    }
}
