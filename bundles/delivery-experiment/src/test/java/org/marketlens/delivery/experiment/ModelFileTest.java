package org.marketlens.delivery.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlens.api.delivery.DeliveryWorkflow;
import org.marketlens.api.delivery.TimePoint;

class ModelFileTest {
    @Test
    void extractorSettingsSurviveTheRoundTrip(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.model");
        ModelFile m = new ModelFile(new DeliveryWorkflow.Source("synthetic", Map.of("size", "40")), TimePoint.TP2, 7,
                List.of("project", "semantic"), Map.of(DeliveryWorkflow.BACKER_COUNTS, "timePoint"), "xgboost",
                new byte[] {1, 2, 3});
        m.write(file);
        ModelFile back = ModelFile.read(file);
        assertEquals(Map.of(DeliveryWorkflow.BACKER_COUNTS, "timePoint"), back.extractorSettings());
        assertEquals(List.of("project", "semantic"), back.extractors());
        assertEquals(TimePoint.TP2, back.timePoint());
        assertEquals("xgboost", back.classifier());
        assertArrayEquals(new byte[] {1, 2, 3}, back.snapshot());
    }

    @Test
    void versionOneFilesReadWithoutExtractorSettings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("v1.model");
        try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(os)) {
            out.writeUTF("marketlens-delivery-model");
            out.writeInt(1);
            out.writeUTF("synthetic");
            out.writeInt(0);
            out.writeUTF("TP1");
            out.writeLong(3);
            out.writeInt(1);
            out.writeUTF("project");
            out.writeUTF("xgboost");
            out.writeInt(2);
            out.write(new byte[] {9, 8});
        }
        ModelFile back = ModelFile.read(file);
        assertEquals(Map.of(), back.extractorSettings());
        assertEquals(List.of("project"), back.extractors());
        assertArrayEquals(new byte[] {9, 8}, back.snapshot());
    }
}
