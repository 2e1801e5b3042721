package dev.slopipeline.definitions.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One health check result as emitted to {@code slo.events.health}: a synthetic probe of a user
 * action (which can be an SLI) or a component check (which only ever becomes alert context).
 *
 * <p>{@code latencyMs} uses NaN for "absent" for the reason given on {@link RequestEvent}.
 *
 * @param timestamp  event time
 * @param service    service the check belongs to
 * @param check      name of the check, e.g. {@code "synthetic-login"} or {@code "db-ping"}
 * @param status     outcome
 * @param latencyMs  latency in milliseconds, or {@link RequestEvent#NO_LATENCY}
 * @param target     what was checked, e.g. a host; {@code null} when not given
 * @param attributes free-form string labels; iteration order is not significant
 */
public record HealthEvent(
        Instant timestamp,
        String service,
        String check,
        HealthStatus status,
        double latencyMs,
        String target,
        Map<String, String> attributes) {

    /** {@code attributes} may be null for none; it is copied into an immutable map. */
    public HealthEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** Whether the emitter reported a latency. */
    public boolean hasLatency() {
        return !Double.isNaN(latencyMs);
    }
}
