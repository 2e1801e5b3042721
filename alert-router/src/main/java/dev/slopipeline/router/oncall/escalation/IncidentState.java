package dev.slopipeline.router.oncall.escalation;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where one incident stands in its escalation: what a Kafka state store keeps between commands and
 * timer ticks ({@link IncidentStateJson} is its stored form).
 *
 * @param paged everyone paged so far, with the level they were last paged at, in the order first
 *     paged: they are told when the incident is resolved
 */
public record IncidentState(String incident, String policy, PagingMode mode, Instant openedAt,
                            Map<String, Integer> paged, Phase phase) {

    public IncidentState {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(openedAt, "openedAt");
        paged = Collections.unmodifiableMap(new LinkedHashMap<>(paged));
        Objects.requireNonNull(phase, "phase");
    }

    /** When the incident next needs a {@code tick}; empty once nothing more is scheduled. */
    public Optional<Instant> nextDue() {
        return phase.nextDue();
    }

    public sealed interface Phase permits Escalating, Acknowledged, Resolved {

        Optional<Instant> nextDue();
    }

    /**
     * Paging, waiting for an acknowledgement.
     *
     * @param level counted from 1
     * @param round counted from 1; the policy's {@code repeat} adds rounds
     * @param escalateAt empty when no further level follows
     */
    public record Escalating(int level, int round, Optional<Instant> escalateAt, Optional<Instant> remindAt) implements Phase {

        public Escalating {
            Objects.requireNonNull(escalateAt, "escalateAt");
            Objects.requireNonNull(remindAt, "remindAt");
        }

        @Override
        public Optional<Instant> nextDue() {
            return Stream.of(escalateAt, remindAt).flatMap(Optional::stream).min(Instant::compareTo);
        }
    }

    /** @param timeoutAt when the incident is triggered again unless resolved; empty: never */
    public record Acknowledged(String by, Instant at, Optional<Instant> timeoutAt) implements Phase {

        public Acknowledged {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(timeoutAt, "timeoutAt");
        }

        @Override
        public Optional<Instant> nextDue() {
            return timeoutAt;
        }
    }

    /** @param by who resolved it; empty when the SLO recovered */
    public record Resolved(Instant at, Optional<String> by) implements Phase {

        public Resolved {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(by, "by");
        }

        @Override
        public Optional<Instant> nextDue() {
            return Optional.empty();
        }
    }
}
