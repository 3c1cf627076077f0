package org.marketlens.delivery.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.marketlens.api.delivery.DeliveryPredictor;
import org.marketlens.api.delivery.DeliveryWorkflow;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.FeatureSelector;
import org.marketlens.api.delivery.ProjectSource;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.api.rec.PluginProperties;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@code chapter3} {@link DeliveryWorkflow} (MODELS.md §1.6–§1.9): tracks every project source, feature group,
 * selector and predictor service by {@code marketlens.name} (dynamic references) and resolves them at each call,
 * so a predictor bundle updated or replaced at run time serves the next call. The work is {@link WorkflowRun}'s.
 */
@Component(service = DeliveryWorkflow.class, property = PluginProperties.NAME + "=" + Chapter3Workflow.NAME)
public final class Chapter3Workflow implements DeliveryWorkflow {
    static final String NAME = "chapter3";

    private final Map<Class<?>, Map<String, Object>> services = new ConcurrentHashMap<>();
    private final WorkflowRun run = new WorkflowRun(this::require);

    private Object require(Class<?> type, String name) {
        Object s = services.getOrDefault(type, Map.of()).get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + name + "'; known: "
                    + String.join(", ", new java.util.TreeSet<>(services.getOrDefault(type, Map.of()).keySet())));
        }
        return s;
    }

    /** Registers a service under its {@code marketlens.name} (also used by tests and the plain-Java demo). */
    void add(Class<?> type, Object service, Map<String, Object> props) {
        Object name = props.get(PluginProperties.NAME);
        if (name != null) {
            services.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).put(name.toString(), service);
        }
    }

    void remove(Class<?> type, Object service, Map<String, Object> props) {
        Object name = props.get(PluginProperties.NAME);
        if (name != null) {
            services.getOrDefault(type, new ConcurrentHashMap<>()).remove(name.toString(), service);
        }
    }

    @Reference(service = ProjectSource.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeSource")
    void addSource(ProjectSource s, Map<String, Object> props) {
        add(ProjectSource.class, s, props);
    }

    void removeSource(ProjectSource s, Map<String, Object> props) {
        remove(ProjectSource.class, s, props);
    }

    @Reference(service = FeatureExtractor.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeExtractor")
    void addExtractor(FeatureExtractor s, Map<String, Object> props) {
        add(FeatureExtractor.class, s, props);
    }

    void removeExtractor(FeatureExtractor s, Map<String, Object> props) {
        remove(FeatureExtractor.class, s, props);
    }

    @Reference(service = FeatureSelector.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeSelector")
    void addSelector(FeatureSelector s, Map<String, Object> props) {
        add(FeatureSelector.class, s, props);
    }

    void removeSelector(FeatureSelector s, Map<String, Object> props) {
        remove(FeatureSelector.class, s, props);
    }

    @Reference(service = DeliveryPredictor.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removePredictor")
    void addPredictor(DeliveryPredictor s, Map<String, Object> props) {
        add(DeliveryPredictor.class, s, props);
    }

    void removePredictor(DeliveryPredictor s, Map<String, Object> props) {
        remove(DeliveryPredictor.class, s, props);
    }

    @Override
    public String evaluate(Source source, Map<String, String> settings) throws IOException {
        return run.evaluate(source, settings);
    }

    @Override
    public String train(Source source, TimePoint timePoint, Map<String, String> settings, Path model)
            throws IOException {
        return run.train(source, timePoint, settings, model);
    }

    @Override
    public List<Prediction> predict(Path model, Source projects) throws IOException {
        return run.predict(model, projects);
    }
}
