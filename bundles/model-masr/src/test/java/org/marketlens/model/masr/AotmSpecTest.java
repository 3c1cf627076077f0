package org.marketlens.model.masr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.framework.experiment.ExperimentSpec;
import org.marketlens.framework.experiment.ExperimentSpecException;

/**
 * The Table 4.4 spec fuses what the same run trained: each MASR row names the snapshots that rows of MDR and
 * MASS listed before it write into the run's default report folder ({@code reports/<spec>/models/<label>.model}),
 * with no part hyper-parameters of its own (a loaded part is used as saved).
 */
class AotmSpecTest {
    private static final Path SPEC = Path.of("..", "..", "config", "experiments", "aotm-table44.json");

    @Test
    void masrRowsFuseSnapshotsOfEarlierMdrAndMassRowsOfTheSameRun() throws ExperimentSpecException {
        assertTrue(Files.isRegularFile(SPEC), "run from the model-masr module: " + SPEC.toAbsolutePath());
        ExperimentSpec spec = ExperimentSpec.read(SPEC);
        String models = "reports/" + SPEC.getFileName().toString().replaceFirst("\\.json$", "") + "/models/";
        Map<String, String> earlier = new HashMap<>();
        int fused = 0;
        for (ExperimentSpec.ModelSpec m : spec.models()) {
            if (m.model().equals(MasrProvider.NAME)) {
                for (String part : List.of(MasrProvider.MDR, MasrProvider.MASS)) {
                    String file = String.valueOf(m.params().get(part.toLowerCase() + "Snapshot"));
                    assertTrue(file.startsWith(models) && file.endsWith(".model"), m.label() + ": " + file);
                    String label = file.substring(models.length(), file.length() - ".model".length());
                    assertEquals(part, earlier.get(label), m.label() + " reads " + file + ", written by no earlier "
                            + part + " row");
                }
                assertTrue(m.params().keySet().stream().noneMatch(k -> k.contains(".")), m.label() + ": " + m.params());
                assertTrue(m.grid().isEmpty(), m.label() + " has nothing to tune by grid");
                fused++;
            }
            earlier.put(m.label(), m.model());
        }
        assertEquals(2, fused, "MASR and AMASR");
    }
}
