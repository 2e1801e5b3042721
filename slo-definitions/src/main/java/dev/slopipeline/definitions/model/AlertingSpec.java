package dev.slopipeline.definitions.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alerting section of an SLO as written: overrides of the default pairs by name, extra pairs,
 * and the low-traffic guard.
 *
 * @param minEvents events the long window must hold before a pair may fire
 */
public record AlertingSpec(long minEvents, Map<String, PairOverride> pairs) {

    public static final long DEFAULT_MIN_EVENTS = 0;

    public AlertingSpec {
        if (minEvents < 0) {
            throw new IllegalArgumentException("minEvents must not be negative");
        }
        pairs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
    }

    public static AlertingSpec defaults() {
        return new AlertingSpec(DEFAULT_MIN_EVENTS, Map.of());
    }
}
