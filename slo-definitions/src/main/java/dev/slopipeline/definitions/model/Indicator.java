package dev.slopipeline.definitions.model;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/** The SLI of a user journey: which events belong to it and which of them are good. */
public sealed interface Indicator permits Indicator.Requests, Indicator.Health {

    /** Any matcher selects an event for the journey. */
    List<EventMatcher> match();

    /**
     * Request events. An event is good when its status passes the rule and, if a latency bound is set,
     * its latency is at most the bound. An event without a latency is judged by its status alone.
     */
    record Requests(List<EventMatcher> match, StatusRule status, OptionalDouble latencyAtMostMs) implements Indicator {
        public Requests {
            match = List.copyOf(match);
            Objects.requireNonNull(latencyAtMostMs, "latencyAtMostMs");
            if (status == null && latencyAtMostMs.isEmpty()) {
                throw new IllegalArgumentException("a request indicator needs a status rule, a latency bound, or both");
            }
        }

        public boolean isGood(int eventStatus, double eventLatencyMs) {
            if (status != null && !status.isGood(eventStatus)) {
                return false;
            }
            return latencyAtMostMs.isEmpty() || Double.isNaN(eventLatencyMs) || eventLatencyMs <= latencyAtMostMs.getAsDouble();
        }
    }

    /** Synthetic probes of a user action: pass is good, fail is bad, warn as configured. */
    record Health(List<EventMatcher> match, WarnCounts warn) implements Indicator {
        public Health {
            match = List.copyOf(match);
            Objects.requireNonNull(warn, "warn");
        }
    }

    /** How a {@code warn} probe result counts towards the SLI. */
    enum WarnCounts { GOOD, BAD, IGNORED }
}
