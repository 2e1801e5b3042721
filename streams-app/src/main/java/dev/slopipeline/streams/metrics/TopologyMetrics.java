package dev.slopipeline.streams.metrics;

import dev.slopipeline.definitions.model.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The topology's counters, registered in the registry the application passes in (the runtime binds
 * it to Prometheus; a plain {@code SimpleMeterRegistry} serves replay and tests). Names, as
 * Prometheus shows them:
 * <ul>
 *   <li>{@code slo_events_dead_lettered_total{reason}}: records refused to the dead-letter topic, by
 *       reason class (see {@code DeadLetterReason})</li>
 *   <li>{@code slo_events_classified_total{kind}}: events that counted for at least one SLO</li>
 *   <li>{@code slo_events_unmatched_total{kind}}: events no SLO selects ({@code kind} is
 *       {@code requests}, {@code health} or {@code spans})</li>
 *   <li>{@code slo_spans_unusable_total{reason}}: spans of a selected kind in valid OTLP records that became no
 *       event ({@code no-service-name}, {@code invalid-value}, {@code future-timestamp}, {@code stale-timestamp})</li>
 *   <li>{@code slo_events_late_total{slo}}: events (with their multiplicity) behind an SLO's
 *       watermark by more than the grace, not counted</li>
 *   <li>{@code slo_alert_transitions_total{severity,state}}: alert transitions published</li>
 *   <li>{@code slo_definitions_refused_total}: times the definitions topic had errors and the last
 *       good definitions stayed in force</li>
 * </ul>
 * Thread-safe, as the registry's counters are.
 */
public final class TopologyMetrics {

    public static final String DEAD_LETTERED = "slo.events.dead.lettered";
    public static final String CLASSIFIED = "slo.events.classified";
    public static final String UNMATCHED = "slo.events.unmatched";
    public static final String LATE = "slo.events.late";
    public static final String SPANS_UNUSABLE = "slo.spans.unusable";
    public static final String TRANSITIONS = "slo.alert.transitions";
    public static final String DEFINITIONS_REFUSED = "slo.definitions.refused";

    /** Which input topic an event came from; a span of the spans topic is a request event too. */
    public enum EventKind { REQUESTS, HEALTH, SPANS }

    private final MeterRegistry registry;
    private final Map<EventKind, Counter> classified = new EnumMap<>(EventKind.class);
    private final Map<EventKind, Counter> unmatched = new EnumMap<>(EventKind.class);
    private final Map<String, Counter> byKey = new ConcurrentHashMap<>();

    public TopologyMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (EventKind kind : EventKind.values()) {
            classified.put(kind, Counter.builder(CLASSIFIED).tag("kind", tag(kind)).register(registry));
            unmatched.put(kind, Counter.builder(UNMATCHED).tag("kind", tag(kind)).register(registry));
        }
    }

    public void deadLettered(String reasonClass) {
        counter(DEAD_LETTERED, "reason", reasonClass).increment();
    }

    public void classified(EventKind kind) {
        classified.get(kind).increment();
    }

    public void unmatched(EventKind kind) {
        unmatched.get(kind).increment();
    }

    public void spansUnusable(String reason, long spans) {
        counter(SPANS_UNUSABLE, "reason", reason).increment(spans);
    }

    public void late(String slo, long events) {
        counter(LATE, "slo", slo).increment(events);
    }

    public void transition(Severity severity, String state) {
        byKey.computeIfAbsent(TRANSITIONS + '|' + severity + '|' + state,
                key -> Counter.builder(TRANSITIONS).tag("severity", severity.wireName()).tag("state", state).register(registry))
                .increment();
    }

    public void definitionsRefused() {
        registry.counter(DEFINITIONS_REFUSED).increment();
    }

    /** Resolved once per name and tag value: a rare event pays a map lookup, not a registry lookup. */
    private Counter counter(String name, String tag, String value) {
        return byKey.computeIfAbsent(name + '|' + value, key -> Counter.builder(name).tag(tag, value).register(registry));
    }

    private static String tag(EventKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
