package org.marketlens.delivery.experiment;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.marketlens.api.delivery.DeliveryWorkflow;
import org.marketlens.api.delivery.TimePoint;

/**
 * A trained delivery model as {@code marketlens delivery train} writes it: the training source and its options,
 * the time point, the seed and the feature groups (so that {@code predict} re-fits the same feature blocks on the
 * same training projects: every extractor is deterministic given its input and seed), the settings the feature
 * groups were configured with (A-9 backer counts), the classifier's name and its snapshot. Binary, written
 * atomically; format version {@value #VERSION} (version 1 files, without extractor settings, still read).
 *
 * @param source     training projects
 * @param timePoint  time point
 * @param seed       seed of the feature blocks and the classifier
 * @param extractors feature groups, in order
 * @param extractorSettings workflow settings passed to the groups ({@code FeatureExtractor.withSettings})
 * @param classifier the classifier's {@code marketlens.name}
 * @param snapshot   what the fitted classifier saved
 */
record ModelFile(DeliveryWorkflow.Source source, TimePoint timePoint, long seed, List<String> extractors,
        Map<String, String> extractorSettings, String classifier, byte[] snapshot) {
    private static final String MAGIC = "marketlens-delivery-model";
    static final int VERSION = 2;

    void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(os)) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(source.name());
            Map<String, String> options = new TreeMap<>(source.options());
            out.writeInt(options.size());
            for (Map.Entry<String, String> e : options.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeUTF(timePoint.name());
            out.writeLong(seed);
            out.writeInt(extractors.size());
            for (String e : extractors) {
                out.writeUTF(e);
            }
            Map<String, String> groupSettings = new TreeMap<>(extractorSettings);
            out.writeInt(groupSettings.size());
            for (Map.Entry<String, String> e : groupSettings.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeUTF(classifier);
            out.writeInt(snapshot.length);
            out.write(snapshot);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static ModelFile read(Path file) throws IOException {
        try (InputStream is = Files.newInputStream(file); DataInputStream in = new DataInputStream(is)) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException(file + " is not a delivery model");
            }
            int version = in.readInt();
            if (version != VERSION && version != 1) {
                throw new IOException(file + ": model format " + version + ", this bundle reads " + VERSION);
            }
            String name = in.readUTF();
            Map<String, String> options = new LinkedHashMap<>();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                options.put(in.readUTF(), in.readUTF());
            }
            TimePoint tp = TimePoint.valueOf(in.readUTF());
            long seed = in.readLong();
            List<String> extractors = new ArrayList<>();
            int m = in.readInt();
            for (int i = 0; i < m; i++) {
                extractors.add(in.readUTF());
            }
            Map<String, String> groupSettings = new LinkedHashMap<>();
            int k = version >= 2 ? in.readInt() : 0;
            for (int i = 0; i < k; i++) {
                groupSettings.put(in.readUTF(), in.readUTF());
            }
            String classifier = in.readUTF();
            byte[] snapshot = in.readNBytes(in.readInt());
            return new ModelFile(new DeliveryWorkflow.Source(name, options), tp, seed, extractors, groupSettings,
                    classifier, snapshot);
        } catch (java.io.EOFException e) {
            throw new IOException(file + " is truncated", e);
        }
    }

    /** @return the bytes a fitted predictor saves */
    static byte[] bytes(org.marketlens.api.delivery.FittedPredictor fitted) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fitted.save(out);
        return out.toByteArray();
    }
}
