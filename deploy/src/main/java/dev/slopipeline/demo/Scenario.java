package dev.slopipeline.demo;

import dev.slopipeline.definitions.event.HealthStatus;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the demo's simulated shop does: its steady traffic, and phases played one after another (an incident, a
 * flapping component, a recovery). After the last phase the steady traffic goes on. Read from YAML by
 * {@link ScenarioReader}; the format is documented in {@code deploy/examples/demo-scenario.yml}.
 *
 * @param speed     simulated seconds per real second, unless the command line says otherwise
 * @param history   steady traffic sent at once before the first phase, so that the long windows have a past
 * @param timeOfDay the shop's time of day when the first phase begins: the daily traffic curve is laid out from it,
 *                  not from the wall clock, so that a scenario sends the same traffic, and pages the same, whatever
 *                  the hour it is played at
 */
public record Scenario(String name, OptionalDouble speed, Duration history, LocalTime timeOfDay,
                       List<RequestStream> requests, List<HealthStream> health, List<Phase> phases) {

    /** When a scenario does not say: early afternoon, busy enough that a real incident stands out clearly. */
    public static final LocalTime DEFAULT_TIME_OF_DAY = LocalTime.of(13, 0);

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeOfDay, "timeOfDay");
        requests = List.copyOf(requests);
        health = List.copyOf(health);
        phases = List.copyOf(phases);
    }

    /** The phases from first to last. */
    public Duration length() {
        return phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** The phase in force this long after the first one began; empty before it and after the last. */
    public Optional<Phase> phaseAt(Duration sinceStart) {
        if (sinceStart.isNegative()) {
            return Optional.empty();
        }
        Duration end = Duration.ZERO;
        for (Phase phase : phases) {
            end = end.plus(phase.duration());
            if (sinceStart.compareTo(end) < 0) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }

    /**
     * One kind of request of one service, as it arrives at the busiest hour of the day; quieter hours get fewer
     * (see {@link DiurnalCurve}).
     *
     * @param perMinute  requests per minute at the daily peak
     * @param errorRate  share answered with 503
     * @param slowRate   share answered well but slowly (eight times the usual latency)
     * @param attributes copied onto every event
     */
    public record RequestStream(String service, String operation, double perMinute, int status, double latencyMs,
                                double errorRate, double slowRate, Map<String, String> attributes) {
        public RequestStream {
            attributes = Map.copyOf(attributes);
        }
    }

    /** A health check that reports every {@code every}; it passes unless a phase says otherwise. */
    public record HealthStream(String service, String check, Optional<String> target, Duration every, double latencyMs) {
    }

    /**
     * @param traffic multiplier of every stream's rate during the phase
     */
    public record Phase(String name, Duration duration, double traffic, List<RequestChange> requests,
                        List<HealthChange> health) {
        public Phase {
            requests = List.copyOf(requests);
            health = List.copyOf(health);
        }

        /** The stream as it behaves during this phase: the last change that matches it wins. */
        public RequestStream apply(RequestStream stream) {
            RequestStream changed = stream;
            for (RequestChange change : requests) {
                if (change.matches(stream)) {
                    changed = new RequestStream(changed.service(), changed.operation(), changed.perMinute(), changed.status(),
                            changed.latencyMs(), change.errorRate().orElse(changed.errorRate()),
                            change.slowRate().orElse(changed.slowRate()), changed.attributes());
                }
            }
            return changed;
        }

        /** How the check behaves during this phase, if a change names it. */
        public Optional<HealthMode> modeOf(HealthStream stream) {
            HealthMode mode = null;
            for (HealthChange change : health) {
                if (change.service().equals(stream.service()) && change.check().map(stream.check()::equals).orElse(true)) {
                    mode = change.mode();
                }
            }
            return Optional.ofNullable(mode);
        }
    }

    /** Changes the streams of a service (all its operations, or one). */
    public record RequestChange(String service, Optional<String> operation, OptionalDouble errorRate, OptionalDouble slowRate) {
        boolean matches(RequestStream stream) {
            return service.equals(stream.service()) && operation.map(stream.operation()::equals).orElse(true);
        }
    }

    /** Changes the checks of a service (all, or one). */
    public record HealthChange(String service, Optional<String> check, HealthMode mode) {
    }

    /** A fixed result, or {@code flap}: fail and pass by turns. */
    public enum HealthMode {
        PASS, WARN, FAIL, FLAP;

        /** The result of the {@code n}-th report. */
        HealthStatus statusOf(long n) {
            return switch (this) {
                case PASS -> HealthStatus.PASS;
                case WARN -> HealthStatus.WARN;
                case FAIL -> HealthStatus.FAIL;
                case FLAP -> n % 2 == 0 ? HealthStatus.FAIL : HealthStatus.PASS;
            };
        }
    }
}
