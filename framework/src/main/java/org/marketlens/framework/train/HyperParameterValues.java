package org.marketlens.framework.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.marketlens.api.rec.HyperParameter;

/** Hyper-parameter values resolved against a plugin's declarations: defaults filled, unknown names rejected. */
public final class HyperParameterValues {
    private final String owner;
    private final Map<String, Object> values;

    private HyperParameterValues(String owner, Map<String, Object> values) {
        this.owner = owner;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * @param owner    plugin name for error messages
     * @param declared declared hyper-parameters
     * @param given    values from the experiment spec (may be empty)
     * @return every declared value, given or default
     * @throws IllegalArgumentException for an undeclared name
     */
    public static HyperParameterValues resolve(String owner, List<HyperParameter> declared, Map<String, Object> given) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (HyperParameter h : declared) {
            out.put(h.name(), h.defaultValue());
        }
        for (Map.Entry<String, Object> e : given.entrySet()) {
            if (!out.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown hyper-parameter '" + e.getKey() + "' for " + owner
                        + "; known: " + declared.stream().map(HyperParameter::name).collect(Collectors.joining(", ")));
            }
            out.put(e.getKey(), e.getValue());
        }
        return new HyperParameterValues(owner, out);
    }

    /** @return every value, in declaration order */
    public Map<String, Object> asMap() {
        return values;
    }

    public int intValue(String name) {
        return number(name).intValue();
    }

    public long longValue(String name) {
        return number(name).longValue();
    }

    public double doubleValue(String name) {
        return number(name).doubleValue();
    }

    public boolean booleanValue(String name) {
        Object v = require(name);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(owner + ": hyper-parameter '" + name + "' must be true or false, got " + v);
    }

    public String stringValue(String name) {
        return String.valueOf(require(name));
    }

    private Number number(String name) {
        Object v = require(name);
        if (v instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException(owner + ": hyper-parameter '" + name + "' must be a number, got " + v);
    }

    private Object require(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException(owner + " declares no hyper-parameter '" + name + "'");
        }
        return values.get(name);
    }
}
