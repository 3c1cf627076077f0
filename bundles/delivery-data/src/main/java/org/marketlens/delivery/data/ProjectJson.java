package org.marketlens.delivery.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.marketlens.api.delivery.Project;

/**
 * Jackson binding of the project JSON format documented on {@link Project}: a JSON array of projects, instants as
 * ISO-8601 strings. Unknown keys are ignored so that richer exports still load.
 */
final class ProjectJson {
    private static final ObjectMapper MAPPER = mapper();

    private ProjectJson() {
    }

    static List<Project> read(InputStream in) throws IOException {
        return MAPPER.readValue(in, new TypeReference<List<Project>>() { });
    }

    static void write(List<Project> projects, OutputStream out) throws IOException {
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, projects);
    }

    /** Writes atomically: a temporary file in the same folder, then a rename. */
    static void write(List<Project> projects, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            write(projects, out);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static ObjectMapper mapper() {
        SimpleModule time = new SimpleModule("marketlens-instant");
        time.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        time.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                try {
                    return Instant.parse(p.getValueAsString());
                } catch (DateTimeParseException e) {
                    throw new IOException("not an ISO-8601 instant: " + p.getValueAsString() + " at "
                            + p.currentLocation(), e);
                }
            }
        });
        return new ObjectMapper().registerModule(time)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }
}
