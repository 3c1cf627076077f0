package org.marketlens.framework.experiment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every spec shipped in config/experiments reads without error, so the README's commands start. */
class ShippedSpecsTest {
    @Test
    void everyShippedSpecReads() throws IOException, ExperimentSpecException {
        Path dir = Path.of("..", "config", "experiments");
        assertTrue(Files.isDirectory(dir), "run from the framework module: " + dir.toAbsolutePath());
        List<Path> specs;
        try (Stream<Path> files = Files.walk(dir)) {
            specs = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(specs.isEmpty());
        for (Path spec : specs) {
            ExperimentSpec read = ExperimentSpec.read(spec);
            assertFalse(read.models().isEmpty(), spec + " has no models");
        }
    }
}
