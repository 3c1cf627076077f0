package org.marketlens.framework.nn;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A saved SameDiff model: a zip with {@code snapshot.json} (format, model name, hyper-parameters) and one ND4J binary
 * entry {@code params/<name>} per parameter.
 *
 * @param model           the provider's {@code marketlens.name}
 * @param hyperParameters every hyper-parameter value
 * @param parameters      parameter arrays by name
 */
public record ParameterSnapshot(String model, Map<String, Object> hyperParameters, Map<String, INDArray> parameters) {
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes a snapshot; the stream is finished but not closed. */
    public static void write(OutputStream out, ParameterSnapshot snapshot) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry("snapshot.json"));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("model", snapshot.model());
        header.put("hyperParameters", snapshot.hyperParameters());
        zip.write(JSON.writeValueAsBytes(header));
        zip.closeEntry();
        for (Map.Entry<String, INDArray> p : snapshot.parameters().entrySet()) {
            zip.putNextEntry(new ZipEntry("params/" + p.getKey()));
            DataOutputStream data = new DataOutputStream(zip);
            Nd4j.write(p.getValue(), data);
            data.flush();
            zip.closeEntry();
        }
        zip.finish();
    }

    /**
     * Reads a snapshot and checks it belongs to {@code expectedModel}.
     *
     * @throws IOException when the stream is not a snapshot of that model
     */
    public static ParameterSnapshot read(InputStream in, String expectedModel) throws IOException {
        Nd4jRuntime.ensureLoaded();
        ZipInputStream zip = new ZipInputStream(in);
        Map<String, Object> header = null;
        Map<String, INDArray> parameters = new LinkedHashMap<>();
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            byte[] bytes = zip.readAllBytes();
            if (e.getName().equals("snapshot.json")) {
                header = JSON.readValue(bytes, new TypeReference<Map<String, Object>>() { });
            } else if (e.getName().startsWith("params/")) {
                parameters.put(e.getName().substring("params/".length()),
                        Nd4j.read(new DataInputStream(new ByteArrayInputStream(bytes))));
            }
        }
        if (header == null) {
            throw new IOException("not a Marketlens model snapshot: snapshot.json is missing");
        }
        if (!Integer.valueOf(FORMAT).equals(header.get("format"))) {
            throw new IOException("snapshot format " + header.get("format") + " is not supported (expected " + FORMAT + ")");
        }
        if (!expectedModel.equals(header.get("model"))) {
            throw new IOException("snapshot is of model " + header.get("model") + ", not " + expectedModel);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> hyper = (Map<String, Object>) header.get("hyperParameters");
        return new ParameterSnapshot(expectedModel, hyper, parameters);
    }
}
