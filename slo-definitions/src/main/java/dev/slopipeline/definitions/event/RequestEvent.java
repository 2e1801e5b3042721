package dev.slopipeline.definitions.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One request outcome (or {@code count} identical outcomes) as emitted to
 * {@code slo.events.requests}.
 *
 * <p>{@code latencyMs} is a primitive {@code double} holding {@link #NO_LATENCY} (NaN) when the
 * emitter sent none, rather than an {@code OptionalDouble}: the pipeline decodes on the order of a
 * million events a second and an optional would be one more object per event on that path. A wire
 * latency can never be NaN (JSON has no NaN and the codec refuses non-finite numbers), so NaN is an
 * unambiguous "absent". Test with {@link #hasLatency()}, not with {@code ==}.
 *
 * <p>The constructor only guards against nulls; range rules (status 100..599, count 1..1e9, ...)
 * belong to {@link EventCodec#decodeRequest(byte[])}, the one gate every event passes.
 *
 * @param timestamp  event time
 * @param service    emitting service
 * @param operation  operation within the service, e.g. {@code "POST /checkout"}
 * @param status     integer status code, HTTP-like
 * @param latencyMs  latency in milliseconds, or {@link #NO_LATENCY}
 * @param count      how many identical outcomes this event stands for
 * @param attributes free-form string labels; iteration order is not significant
 */
public record RequestEvent(
        Instant timestamp,
        String service,
        String operation,
        int status,
        double latencyMs,
        long count,
        Map<String, String> attributes) {

    /** The {@code latencyMs} of an event that carried no latency. */
    public static final double NO_LATENCY = Double.NaN;

    /** {@code attributes} may be null for none; it is copied into an immutable map. */
    public RequestEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** Whether the emitter reported a latency. */
    public boolean hasLatency() {
        return !Double.isNaN(latencyMs);
    }
}
