package org.marketlens.framework.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentSpecTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path file = dir.resolve("exp.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void readsDefaultsAndLabels() throws Exception {
        ExperimentSpec spec = ExperimentSpec.read(write("""
                {"name": "x", "dataset": {"name": "synthetic"}, "protocol": {"name": "loo-sampled"},
                 "models": [{"model": "MF-BPR", "loss": "BPR", "grid": {"dim": [8, 16]}},
                            {"model": "MF-BPR", "label": "AMF", "loss": "APR", "lossParams": {"epsilon": 1.0}}]}
                """));
        assertEquals(42L, spec.seed());
        assertEquals(50, spec.training().epochs());
        assertEquals("MF-BPR", spec.models().get(0).label());
        assertEquals("AMF", spec.models().get(1).label());
        assertEquals(2, spec.models().get(0).grid().get("dim").size());
    }

    @Test
    void badFieldIsNamedWithItsJsonPath() throws Exception {
        ExperimentSpecException e = assertThrows(ExperimentSpecException.class, () -> ExperimentSpec.read(write("""
                {"name": "x", "dataset": {"name": "synthetic"}, "protocol": {"name": "loo-sampled"},
                 "models": [{"model": "MF-BPR", "training": {"epochs": "many"}}]}
                """)));
        assertTrue(e.getMessage().contains("models[0].training.epochs"), e.getMessage());
        assertTrue(e.getMessage().contains("exp.json:2:"), "line number in " + e.getMessage());
    }

    @Test
    void unknownFieldAndMissingFileAreOneLineErrors() throws Exception {
        ExperimentSpecException unknown = assertThrows(ExperimentSpecException.class, () -> ExperimentSpec.read(write("""
                {"name": "x", "dataset": {"name": "synthetic"}, "protocol": {"name": "p"}, "models": [{"model": "M", "lose": "BPR"}]}
                """)));
        assertTrue(unknown.getMessage().contains("models[0].lose"), unknown.getMessage());
        ExperimentSpecException missing = assertThrows(ExperimentSpecException.class,
                () -> ExperimentSpec.read(dir.resolve("nope.json")));
        assertTrue(missing.getMessage().startsWith("experiment file not found"), missing.getMessage());
        assertTrue(!missing.getMessage().contains("\n"));
    }

    @Test
    void duplicateLabelsAreRejected() throws Exception {
        ExperimentSpecException e = assertThrows(ExperimentSpecException.class, () -> ExperimentSpec.read(write("""
                {"name": "x", "dataset": {"name": "s"}, "protocol": {"name": "p"},
                 "models": [{"model": "MF-BPR"}, {"model": "MF-BPR"}]}
                """)));
        assertTrue(e.getMessage().contains("unique"), e.getMessage());
    }
}
