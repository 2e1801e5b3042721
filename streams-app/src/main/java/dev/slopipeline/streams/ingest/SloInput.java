package dev.slopipeline.streams.ingest;

import dev.slopipeline.definitions.event.HealthStatus;
import java.util.Objects;

/**
 * What one event means to one SLO, keyed by the SLO's name on the way to its aggregate: counts of
 * its indicator, or a component's health as context for its alerts.
 */
public sealed interface SloInput extends Routed permits SloInput.Counts, SloInput.ComponentHealth {

    long eventTimeMillis();

    /**
     * Good and bad events of the SLO's indicator at one event time.
     *
     * @param service   the emitting service, named so that bad events can be traced to their source;
     *                  null when nothing is bad (good events are never traced)
     * @param operation the operation (or the check of a probe); null when nothing is bad
     */
    record Counts(long eventTimeMillis, long good, long bad, String service, String operation) implements SloInput {
        public Counts {
            if (good < 0 || bad < 0) {
                throw new IllegalArgumentException("counts must not be negative, got good " + good + " and bad " + bad);
            }
            if (bad > 0) {
                Objects.requireNonNull(service, "service");
                Objects.requireNonNull(operation, "operation");
            }
        }
    }

    /** A health check result on a service the SLO's journey covers; {@code target} may be null. */
    record ComponentHealth(long eventTimeMillis, String service, String check, HealthStatus status, String target)
            implements SloInput {
        public ComponentHealth {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(status, "status");
        }
    }
}
