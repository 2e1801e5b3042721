package dev.slopipeline.streams.replay;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertCodec;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.HealthEvent;
import dev.slopipeline.definitions.event.HealthStatus;
import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.streams.classify.JourneyClassifier;
import dev.slopipeline.streams.classify.JourneyClassifier.ProbeResult;
import dev.slopipeline.streams.metrics.TopologyMetrics;
import dev.slopipeline.streams.topology.SloTopology;
import dev.slopipeline.streams.topology.TopologyConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Backtest: the streams topology's own processors ({@link SloTopology}'s, run in process by
 * {@link InProcessTopology}) over recorded events, fed in event-time order with the wall clock following event
 * time, so that the same input always gives the same output, byte for byte.
 *
 * <p>Prints every alert transition on {@code alerts} as one JSON object per line (the
 * {@code slo.alerts} contract) and the {@link ReplaySummary} on {@code summary}. Runs on in-memory
 * stores without changelogs, and publishes statuses (which it does not print) only once a day. After the last event the wall clock runs on by one evaluation interval,
 * so that inputs still waiting to be judged are; event time does not move past the last event.
 *
 * <p>Input: JSON-lines files of request and health events, mixed or separate (see
 * {@link RecordedEvents} for how lines are told apart and how much memory they take).
 */
public final class Replay {

    /** The application id that names the topology's internal topics, short as replay's topics are. */
    static final String APPLICATION_ID = "r";
    private static final TopologyConfig.Topics TOPICS = new TopologyConfig.Topics("q", "h", "d", "c", "a", "s");
    /** Replay prints no statuses: one a day per SLO instead of one every few seconds saves encoding them. */
    private static final Duration STATUS_INTERVAL = Duration.ofDays(1);

    /** Where a replay runs the topology: in process, or (to compare) in Kafka's test driver. */
    @FunctionalInterface
    interface Runner {
        ReplayedTopology start(TopologyConfig config, long wallClockStart, Consumer<byte[]> alerts);
    }

    /**
     * @param definitions the SLOs and services to replay, as loaded (and linted) from files
     * @param eventFiles  JSON-lines files, read in this order
     * @param from        events before this time are left out
     * @param to          events at or after this time are left out
     * @param progress    whether to tell on the summary's stream every few seconds how far the replay has come
     */
    public record Options(DefinitionSet definitions, List<Path> eventFiles, Optional<Instant> from, Optional<Instant> to,
                          boolean progress) {
        public Options {
            Objects.requireNonNull(definitions, "definitions");
            eventFiles = List.copyOf(eventFiles);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /** Without progress. */
        public Options(DefinitionSet definitions, List<Path> eventFiles, Optional<Instant> from, Optional<Instant> to) {
            this(definitions, eventFiles, from, to, false);
        }

        public Options withProgress(boolean value) {
            return new Options(definitions, eventFiles, from, to, value);
        }
    }

    private final Options options;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TopologyConfig config;
    private final AlertCodec alertCodec = new AlertCodec();
    private final EventCodec eventCodec = new EventCodec();
    private final JourneyClassifier classifier;
    private final Map<Severity, Map<String, Integer>> fired = new HashMap<>();
    private final Map<String, Long> componentFailures = new HashMap<>();
    private final Set<String> checksOnPages = new HashSet<>();

    private Replay(Options options) {
        this.options = options;
        this.config = TopologyConfig.defaults()
                .withTopics(TOPICS)
                .withStores(TopologyConfig.StoreKind.IN_MEMORY)
                .withStatusInterval(STATUS_INTERVAL)
                .withInitialDefinitions(options.definitions())
                .withMeters(meters);
        this.classifier = JourneyClassifier.of(options.definitions());
    }

    /** Replays the files, printing alert transitions on {@code alerts} and the summary on {@code summary}. */
    public static ReplaySummary run(Options options, PrintStream alerts, PrintStream summary) throws IOException {
        return run(options, alerts, summary, InProcessTopology::new);
    }

    static ReplaySummary run(Options options, PrintStream alerts, PrintStream summary, Runner runner) throws IOException {
        RecordedEvents events = RecordedEvents.read(options.eventFiles());
        ReplayProgress progress = options.progress() ? ReplayProgress.on(summary, events.size()) : ReplayProgress.silent();
        ReplaySummary result = new Replay(options).replay(events, runner, alerts, progress);
        result.print(summary);
        return result;
    }

    private ReplaySummary replay(RecordedEvents events, Runner runner, PrintStream alertsOut, ReplayProgress progress) {
        long start = firstTime(events);
        long outside = 0;
        Consumer<byte[]> alerts = alert -> {
            alertsOut.write(alert, 0, alert.length);
            alertsOut.write('\n');
            tally(alert);
        };
        try (ReplayedTopology topology = runner.start(config, start, alerts)) {
            long wallClock = start;
            for (int rank = 0; rank < events.size(); rank++) {
                int event = events.index(rank);
                long time = events.time(event);
                if (!inRange(time)) {
                    outside++;
                    continue;
                }
                if (time > wallClock) {
                    topology.advanceWallClock(time - wallClock);
                    wallClock = time;
                }
                byte[] value = events.bytes(event);
                // a refused line without a time of its own is read at the current wall clock
                long timestamp = Math.max(time, wallClock);
                if (events.kind(event) == RecordedEvents.HEALTH) {
                    countComponentFailure(value);
                    topology.health(value, timestamp);
                } else {
                    topology.request(value, events.request(event), timestamp);
                }
                progress.replayed(rank + 1L, wallClock);
            }
            topology.advanceWallClock(config.evaluationInterval().toMillis());
        }
        return summary(events.size(), outside);
    }

    private long firstTime(RecordedEvents events) {
        for (int rank = 0; rank < events.size(); rank++) {
            long time = events.time(events.index(rank));
            if (time != LineDecoding.NO_TIME && inRange(time)) {
                return time;
            }
        }
        return options.from().map(Instant::toEpochMilli).orElse(0L);
    }

    private boolean inRange(long time) {
        return options.from().map(from -> time == LineDecoding.NO_TIME || time >= from.toEpochMilli()).orElse(true)
                && options.to().map(to -> time < to.toEpochMilli()).orElse(true);
    }

    /** A failing component check: a health event that no SLO counts as its indicator. */
    private void countComponentFailure(byte[] value) {
        Decoded<HealthEvent> decoded = eventCodec.decodeHealth(value);
        if (decoded instanceof Decoded.Ok<HealthEvent> ok && ok.value().status() == HealthStatus.FAIL) {
            HealthEvent event = ok.value();
            boolean[] indicator = {false};
            classifier.classifyHealth(event.service(), event.check(), event.attributes(), ProbeResult.FAIL, 1,
                    (slo, good, bad) -> indicator[0] = true);
            if (!indicator[0]) {
                componentFailures.merge(checkKey(event.service(), event.check(), event.target()), 1L, Long::sum);
            }
        }
    }

    private void tally(byte[] alertBytes) {
        Alert alert = ((Decoded.Ok<Alert>) alertCodec.decode(alertBytes)).value();
        if (alert.state() != AlertState.FIRING) {
            return;
        }
        fired.computeIfAbsent(alert.severity(), s -> new HashMap<>()).merge(alert.slo(), 1, Integer::sum);
        if (alert.severity() == Severity.PAGE) {
            alert.context().stream()
                    .filter(check -> check.status() == HealthStatus.FAIL)
                    .forEach(check -> checksOnPages.add(checkKey(check.service(), check.check(), check.target())));
        }
    }

    private ReplaySummary summary(long read, long outside) {
        Map<String, ReplaySummary.Fired> bySlo = new HashMap<>();
        for (String slo : options.definitions().slos().keySet()) {
            bySlo.put(slo, new ReplaySummary.Fired(firedCount(Severity.PAGE, slo), firedCount(Severity.TICKET, slo),
                    firedCount(Severity.NOTIFY, slo)));
        }
        long failures = componentFailures.values().stream().mapToLong(Long::longValue).sum();
        long neverPaged = componentFailures.entrySet().stream()
                .filter(e -> !checksOnPages.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        return new ReplaySummary(read, outside, (long) total(TopologyMetrics.DEAD_LETTERED), (long) total(TopologyMetrics.LATE),
                bySlo, failures, neverPaged);
    }

    private int firedCount(Severity severity, String slo) {
        return fired.getOrDefault(severity, Map.of()).getOrDefault(slo, 0);
    }

    private double total(String counter) {
        return meters.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static String checkKey(String service, String check, String target) {
        return service + '\0' + check + '\0' + (target == null ? "" : target);
    }
}
