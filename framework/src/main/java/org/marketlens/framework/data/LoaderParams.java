package org.marketlens.framework.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reading of a loader's parameters from an experiment spec, with errors that name the loader and the key.
 * Numbers may arrive as any {@link Number} or as text (JSON and OSGi configuration both occur).
 */
public final class LoaderParams {
    private final String loader;
    private final Map<String, Object> params;

    /**
     * @param loader the loader's {@code marketlens.name}, used in messages
     * @param params the parameters
     */
    public LoaderParams(String loader, Map<String, Object> params) {
        this.loader = loader;
        this.params = Map.copyOf(params);
    }

    /** @return the required path parameter {@code key} */
    public Path path(String key) {
        return Path.of(required(key).toString());
    }

    /** @return the optional path parameter {@code key} */
    public Optional<Path> optionalPath(String key) {
        Object v = params.get(key);
        return v == null ? Optional.empty() : Optional.of(Path.of(v.toString()));
    }

    /** @return the text parameter {@code key}, or {@code fallback} */
    public String string(String key, String fallback) {
        Object v = params.get(key);
        return v == null ? fallback : v.toString();
    }

    /** @return the optional text parameter {@code key} */
    public Optional<String> optionalString(String key) {
        Object v = params.get(key);
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }

    /** @return the integer parameter {@code key}, or {@code fallback} */
    public int integer(String key, int fallback) {
        Object v = params.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            if (n.doubleValue() != Math.rint(n.doubleValue())) {
                throw invalid(key, v, "an integer");
            }
            return n.intValue();
        }
        try {
            return Integer.parseInt(v.toString().strip());
        } catch (NumberFormatException e) {
            throw invalid(key, v, "an integer");
        }
    }

    /** @return the optional number parameter {@code key} */
    public Optional<Double> number(String key) {
        Object v = params.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        try {
            return Optional.of(Double.parseDouble(v.toString().strip()));
        } catch (NumberFormatException e) {
            throw invalid(key, v, "a number");
        }
    }

    /** @return the boolean parameter {@code key}, or {@code fallback} */
    public boolean flag(String key, boolean fallback) {
        Object v = params.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        return switch (v.toString().strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw invalid(key, v, "true or false");
        };
    }

    /** @return true when {@code key} is given */
    public boolean has(String key) {
        return params.containsKey(key);
    }

    /** @return the raw parameters */
    public Map<String, Object> asMap() {
        return params;
    }

    private Object required(String key) {
        Object v = params.get(key);
        if (v == null) {
            throw new IllegalArgumentException("loader '" + loader + "' needs parameter '" + key + "'");
        }
        return v;
    }

    private IllegalArgumentException invalid(String key, Object value, String expected) {
        return new IllegalArgumentException(
                "loader '" + loader + "': parameter '" + key + "' must be " + expected + ", got '" + value + "'");
    }
}
