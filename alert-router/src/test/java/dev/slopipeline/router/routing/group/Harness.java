package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.notification.LabelledAlert;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.routing.inhibit.DefaultInhibition;
import dev.slopipeline.router.routing.silence.Silences;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A grouping engine on a config written in the test, driven by hand-moved time: alerts fire and resolve at given
 * instants, {@link #until} ticks at every flush due up to an instant, the way a punctuator would.
 */
final class Harness {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final URI EXTERNAL_URL = URI.create("https://router.example");

    final RouterConfig config;
    final Silences silences = new Silences();
    final CountingMetrics metrics = new CountingMetrics();
    final GroupingEngine engine;
    /** Every notification so far, with the instant of the tick that produced it. */
    final List<Sent> sent = new ArrayList<>();

    record Sent(Instant at, Notification notification) {
        /** "receiver: slo/severity status, ..." in notification order. */
        String summary() {
            return notification.receiver() + ": " + notification.alerts().stream()
                    .map(a -> a.labels().get("slo") + "/" + a.labels().get("severity") + " " + a.status().wireName())
                    .collect(Collectors.joining(", "));
        }
    }

    Harness(String yaml) {
        this(yaml, DefaultInhibition.ON);
    }

    Harness(String yaml, DefaultInhibition inhibition) {
        config = RouterConfigLoader.parse("router.yml", yaml).orElseThrow();
        engine = new GroupingEngine(config,
                NotificationPipeline.standard(config, silences, inhibition, metrics), EXTERNAL_URL);
    }

    static Instant at(String offset) {
        return T0.plus(Duration.parse("PT" + offset.toUpperCase()));
    }

    static Map<String, String> labels(String slo, String severity, String... more) {
        Map<String, String> labels = new TreeMap<>(Map.of("slo", slo, "severity", severity, "service", "storefront"));
        for (int i = 0; i < more.length; i += 2) {
            labels.put(more[i], more[i + 1]);
        }
        return labels;
    }

    static LabelledAlert firing(Map<String, String> labels, Instant startsAt) {
        return new LabelledAlert(labels, Map.of("summary", "burning " + labels.get("slo")), startsAt, null, startsAt);
    }

    static LabelledAlert resolved(Map<String, String> labels, Instant startsAt, Instant endsAt) {
        return new LabelledAlert(labels, Map.of("summary", "burning " + labels.get("slo")), startsAt, endsAt, endsAt);
    }

    /** Lets time pass to {@code at} (flushing what is due), then the alert starts firing. */
    AlertEffects fire(Map<String, String> labels, Instant at) {
        until(at);
        return engine.onAlert(firing(labels, at), at);
    }

    /** Lets time pass to {@code at} (flushing what is due), then the alert resolves. */
    AlertEffects resolve(Map<String, String> labels, Instant startedAt, Instant at) {
        until(at);
        return engine.onAlert(resolved(labels, startedAt, at), at);
    }

    /** Ticks at every due flush up to and including {@code end}; returns the summaries of what those ticks sent. */
    List<String> until(Instant end) {
        List<String> summaries = new ArrayList<>();
        while (engine.nextDueAt().filter(due -> !due.isAfter(end)).isPresent()) {
            Instant due = engine.nextDueAt().orElseThrow();
            for (Notification notification : engine.tick(due)) {
                Sent one = new Sent(due, notification);
                sent.add(one);
                summaries.add(one.summary());
            }
        }
        return summaries;
    }

    /** The instants of the ticks that sent something, as offsets like "30s" or "5m30s" from T0. */
    List<String> sentAt() {
        return sent.stream().map(s -> Duration.between(T0, s.at()).toString().substring(2).toLowerCase()).toList();
    }

    Notification last() {
        return sent.get(sent.size() - 1).notification();
    }

    /** Counts what the pipeline reports, by "stage receiver" and by receiver. */
    static final class CountingMetrics implements PipelineMetrics {
        final Map<String, Integer> suppressed = new HashMap<>();
        final Map<String, Integer> notified = new HashMap<>();

        @Override
        public void suppressed(String stage, String receiver, int alerts) {
            suppressed.merge(stage + " " + receiver, alerts, Integer::sum);
        }

        @Override
        public void notified(String receiver, int alerts) {
            notified.merge(receiver, alerts, Integer::sum);
        }
    }
}
