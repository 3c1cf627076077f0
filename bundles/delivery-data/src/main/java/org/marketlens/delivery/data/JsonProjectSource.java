package org.marketlens.delivery.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.ProjectSource;
import org.marketlens.api.rec.PluginProperties;
import org.osgi.service.component.annotations.Component;

/** Reads projects from a JSON file in the format documented on {@link Project} (option {@code path}). */
@Component(property = PluginProperties.NAME + "=" + JsonProjectSource.NAME)
public final class JsonProjectSource implements ProjectSource {
    static final String NAME = "json";

    @Override
    public List<Project> load(Map<String, String> options) throws IOException {
        String path = options.get(PATH);
        if (path == null) {
            throw new IOException("the json project source needs option '" + PATH + "'");
        }
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            return ProjectJson.read(in);
        } catch (IOException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes projects in the same format, atomically.
     *
     * @param projects projects
     * @param file     target file
     * @throws IOException on write failure
     */
    public static void save(List<Project> projects, Path file) throws IOException {
        ProjectJson.write(projects, file);
    }
}
