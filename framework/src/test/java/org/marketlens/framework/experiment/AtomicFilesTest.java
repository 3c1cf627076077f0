package org.marketlens.framework.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aCompleteWriteReplacesTheFileWithEveryByte() throws IOException {
        Path target = dir.resolve("sub").resolve("model.bin");
        AtomicFiles.write(target, out -> {
            DataOutputStream data = new DataOutputStream(out);
            for (int i = 0; i < 100_000; i++) {
                data.writeInt(i);
            }
            data.flush();
        });
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(target));
        assertEquals(400_000, bytes.capacity());
        for (int i = 0; i < 100_000; i++) {
            assertEquals(i, bytes.getInt());
        }
    }

    @Test
    void aFailedWriteKeepsTheOldContentAndLeavesNoTempFile() throws IOException {
        Path target = dir.resolve("report.md");
        AtomicFiles.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the target remains");
        }
    }

    @Test
    void aWriterMayCloseTheStreamItself() throws IOException {
        Path target = dir.resolve("results.json");
        AtomicFiles.write(target, out -> {
            out.write("{}".getBytes());
            out.close(); // as Jackson's ObjectMapper.writeValue does
        });
        assertEquals("{}", Files.readString(target));
    }
}
