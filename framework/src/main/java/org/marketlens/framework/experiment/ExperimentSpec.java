package org.marketlens.framework.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An experiment, read from {@code config/experiments/*.json}.
 *
 * @param name        experiment name (report title, output folder)
 * @param seed        the one experiment seed; every run seed derives from it ({@code Seeds})
 * @param repetitions how many splits with different seeds (protocol 1 uses 5)
 * @param dataset     data loader and its parameters
 * @param protocol    evaluator and its parameters
 * @param training    default epochs and patience for every model
 * @param baselines   labels of the baseline models; improvements are reported over the best of them
 * @param models      the models to compare
 * @param fullRanking whether sampled test metrics are reported beside their full-ranking values (default true;
 *                    {@code FullRankingColumns})
 */
public record ExperimentSpec(
        @JsonProperty(required = true) String name,
        @JsonProperty(defaultValue = "42") Long seed,
        Integer repetitions,
        @JsonProperty(required = true) PluginSpec dataset,
        @JsonProperty(required = true) PluginSpec protocol,
        TrainingSpec training,
        List<String> baselines,
        @JsonProperty(required = true) List<ModelSpec> models,
        Boolean fullRanking) {

    public ExperimentSpec {
        fullRanking = fullRanking == null || fullRanking;
        seed = seed == null ? 42L : seed;
        repetitions = repetitions == null ? 1 : repetitions;
        training = training == null ? new TrainingSpec(null, null) : training;
        baselines = baselines == null ? List.of() : List.copyOf(baselines);
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be >= 1");
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("models must name at least one model");
        }
    }

    /** A spec with the default {@code fullRanking = true}. */
    public ExperimentSpec(String name, Long seed, Integer repetitions, PluginSpec dataset, PluginSpec protocol,
                          TrainingSpec training, List<String> baselines, List<ModelSpec> models) {
        this(name, seed, repetitions, dataset, protocol, training, baselines, models, null);
    }

    /**
     * A plugin by name with its parameters.
     *
     * @param name   the plugin's {@code marketlens.name}
     * @param params its parameters
     */
    public record PluginSpec(@JsonProperty(required = true) String name, Map<String, Object> params) {
        public PluginSpec {
            params = params == null ? Map.of() : Map.copyOf(params);
        }
    }

    /**
     * @param epochs   maximum epochs (ALS iterations); default 50 (MODELS.md §3.12)
     * @param patience epochs without validation improvement before stopping; default 5
     */
    public record TrainingSpec(Integer epochs, Integer patience) {
        public TrainingSpec {
            epochs = epochs == null ? 50 : epochs;
            patience = patience == null ? 5 : patience;
        }

        TrainingSpec orElse(TrainingSpec defaults) {
            return new TrainingSpec(epochs == null ? defaults.epochs() : epochs,
                    patience == null ? defaults.patience() : patience);
        }
    }

    /**
     * One model of the comparison.
     *
     * @param label      the row label (defaults to the model name); unique in the experiment
     * @param model      the model's {@code marketlens.name}
     * @param params     hyper-parameters
     * @param grid       hyper-parameter name to candidate values; every combination is trained and the best on
     *                   the validation split is kept
     * @param loss       loss name (SameDiff models)
     * @param lossParams loss hyper-parameters
     * @param sampler    negative sampler name
     * @param training   per-model epochs/patience (defaults to the experiment's)
     * @param snapshot   a model file written by an earlier run ({@code models/<label>.model}) to evaluate instead of
     *                   training one, or {@code null}; relative paths resolve against the working directory
     */
    public record ModelSpec(String label, @JsonProperty(required = true) String model, Map<String, Object> params,
                            Map<String, List<Object>> grid, String loss, Map<String, Object> lossParams,
                            String sampler, TrainingSpec training, String snapshot) {
        public ModelSpec {
            label = label == null ? model : label;
            params = params == null ? Map.of() : Map.copyOf(params);
            grid = grid == null ? Map.of() : Map.copyOf(grid);
            lossParams = lossParams == null ? Map.of() : Map.copyOf(lossParams);
            if (snapshot != null && !grid.isEmpty()) {
                throw new IllegalArgumentException(label + ": a snapshot is evaluated as it is; it has no grid");
            }
        }

        /** A model trained by the run (no snapshot). */
        public ModelSpec(String label, String model, Map<String, Object> params, Map<String, List<Object>> grid,
                String loss, Map<String, Object> lossParams, String sampler, TrainingSpec training) {
            this(label, model, params, grid, loss, lossParams, sampler, training, null);
        }
    }

    /**
     * Reads and validates a spec file.
     *
     * @param file the JSON file
     * @return the spec
     * @throws ExperimentSpecException with a one-line message naming the file, line and JSON path of the problem
     */
    public static ExperimentSpec read(Path file) throws ExperimentSpecException {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            ExperimentSpec spec = json.readValue(Files.readAllBytes(file), ExperimentSpec.class);
            long distinct = spec.models().stream().map(ModelSpec::label).distinct().count();
            if (distinct != spec.models().size()) {
                throw new ExperimentSpecException(file + ": model labels must be unique; give repeated models a \"label\"");
            }
            return spec;
        } catch (NoSuchFileException e) {
            throw new ExperimentSpecException("experiment file not found: " + file);
        } catch (JsonMappingException e) {
            throw new ExperimentSpecException(file + describe(e.getLocation()) + ": field '" + path(e) + "': "
                    + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new ExperimentSpecException(file + describe(e.getLocation()) + ": not valid JSON: "
                    + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ExperimentSpecException("cannot read experiment file " + file + ": " + e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "(top level)" : out.toString();
    }

    private static String describe(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
