package dev.slopipeline.streams.metrics;

import dev.slopipeline.definitions.model.SeriesKey;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.streams.status.StatusRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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
 *   <li>{@code slo_series_overflow_events_total{slo}}: events of a split SLO that counted in its series whose
 *       values are all {@code other}, as it had all the series its {@code maxSeries} allows</li>
 *   <li>{@code slo_series_unexported}: SLO series this instance runs but leaves off /metrics, beyond the
 *       {@link #MAX_EXPORTED_SERIES} it exports</li>
 *   <li>{@code slo_alert_transitions_total{severity,state}}: alert transitions published</li>
 *   <li>{@code slo_definitions_refused_total}: times the definitions topic had errors and the last
 *       good definitions stayed in force</li>
 *   <li>{@code slo_definitions_last_read_successful}: 0 while the definitions topic has errors (the last
 *       good definitions are in force), 1 once it reads without errors</li>
 * </ul>
 * and per SLO series, labelled {@code slo}, {@code service}, {@code journey} and a split SLO's own labels (see
 * {@link SloSeries}), for the SLOs of the tasks this
 * instance runs (see {@link SloSeriesOwners}), set from each status the topology publishes:
 * <ul>
 *   <li>{@code slo_info{objective,window}}: 1, with the objective in percent and the window as declared</li>
 *   <li>{@code slo_objective_ratio}, {@code slo_window_seconds}: what the SLO promises, over how long</li>
 *   <li>{@code slo_sli_ratio}: good units over all units in the SLO window (NaN without traffic)</li>
 *   <li>{@code slo_error_budget_remaining_ratio}: share of the budget left, negative once overspent</li>
 *   <li>{@code slo_burn_rate_ratio{window}}: burn rate over each window the alert pairs use, and the SLO window</li>
 *   <li>{@code slo_burn_rate_threshold_ratio{pair,severity,long_window,short_window}}: each pair's threshold</li>
 *   <li>{@code slo_alert_state{severity,state}}: 1 for the state ({@code ok}, {@code firing},
 *       {@code no_data}) each severity is in, 0 for the others</li>
 *   <li>{@code slo_events_counted_total{outcome}}: events counted good or bad, as they are counted</li>
 * </ul>
 * Thread-safe, as the registry's counters are.
 */
public final class TopologyMetrics {

    public static final String DEAD_LETTERED = "slo.events.dead.lettered";
    public static final String CLASSIFIED = "slo.events.classified";
    public static final String UNMATCHED = "slo.events.unmatched";
    public static final String LATE = "slo.events.late";
    public static final String SERIES_OVERFLOW = "slo.series.overflow.events";
    public static final String SPANS_UNUSABLE = "slo.spans.unusable";
    public static final String TRANSITIONS = "slo.alert.transitions";
    public static final String DEFINITIONS_REFUSED = "slo.definitions.refused";
    public static final String DEFINITIONS_READ = "slo.definitions.last.read.successful";
    /** How many SLO series an instance exports on /metrics at most: 250 000 Prometheus series, some 170 MiB of heap. */
    public static final int MAX_EXPORTED_SERIES = 10_000;

    /** Which input topic an event came from; a span of the spans topic is a request event too. */
    public enum EventKind { REQUESTS, HEALTH, SPANS }

    private final MeterRegistry registry;
    private final Map<EventKind, Counter> classified = new EnumMap<>(EventKind.class);
    private final Map<EventKind, Counter> unmatched = new EnumMap<>(EventKind.class);
    private final Map<String, Counter> byKey = new ConcurrentHashMap<>();
    private final SloSeriesOwners slos;
    private final Counter definitionsRefused;
    private volatile boolean definitionsReadable = true;

    public TopologyMetrics(MeterRegistry registry) {
        this(registry, MAX_EXPORTED_SERIES);
    }

    /** @param maxExportedSeries how many SLO series at most this instance exports on /metrics (see {@code SloSeriesOwners}) */
    public TopologyMetrics(MeterRegistry registry, int maxExportedSeries) {
        this.registry = registry;
        this.slos = new SloSeriesOwners(registry, maxExportedSeries);
        for (EventKind kind : EventKind.values()) {
            classified.put(kind, Counter.builder(CLASSIFIED).description("Events that counted for at least one SLO")
                    .tag("kind", tag(kind)).register(registry));
            unmatched.put(kind, Counter.builder(UNMATCHED).description("Events that no SLO selects")
                    .tag("kind", tag(kind)).register(registry));
        }
        // registered at once, so that the first refusal is an increase and not a new series
        definitionsRefused = Counter.builder(DEFINITIONS_REFUSED)
                .description("Times the definitions topic had errors and the last good definitions stayed in force")
                .register(registry);
        Gauge.builder(DEFINITIONS_READ, this, metrics -> metrics.definitionsReadable ? 1 : 0)
                .description("0 while the definitions topic has errors and the last good definitions are in force, else 1")
                .register(registry);
    }

    public void deadLettered(String reasonClass) {
        counter(DEAD_LETTERED, "Records refused to the dead-letter topic, by reason class", "reason", reasonClass).increment();
    }

    public void classified(EventKind kind) {
        classified.get(kind).increment();
    }

    public void unmatched(EventKind kind) {
        unmatched.get(kind).increment();
    }

    public void spansUnusable(String reason, long spans) {
        counter(SPANS_UNUSABLE, "Spans of valid OTLP records that could not become events, by reason", "reason", reason)
                .increment(spans);
    }

    public void late(String slo, long events) {
        counter(LATE, "Events behind an SLO's watermark by more than the grace, not counted", "slo", slo).increment(events);
    }

    public void transition(Severity severity, String state) {
        byKey.computeIfAbsent(TRANSITIONS + '|' + severity + '|' + state,
                key -> Counter.builder(TRANSITIONS).description("Alert transitions published")
                        .tag("severity", severity.wireName()).tag("state", state).register(registry))
                .increment();
    }

    public void definitionsRefused() {
        definitionsReadable = false;
        definitionsRefused.increment();
    }

    public void definitionsRead() {
        definitionsReadable = true;
    }

    /** Events counted for a series of an SLO by the task {@code owner}, which from now on exports the series. */
    public void counted(Object owner, SloDefinition slo, SeriesKey series, long good, long bad) {
        slos.counted(owner, series, slo.service(), slo.journey(), good, bad);
    }

    /** Events of a split SLO that counted in its overflow series, as it had all the series its maxSeries allows. */
    public void overflowed(String slo, long events) {
        counter(SERIES_OVERFLOW, "Events of a split SLO counted in its series \"other\", beyond its maxSeries", "slo", slo)
                .increment(events);
    }

    /** The status just published for an SLO by the task {@code owner}: its series show it until the next. */
    public void status(Object owner, StatusRecord status) {
        slos.show(owner, status);
    }

    /** The task {@code owner} no longer runs the series (closed, or removed; its key's text): it leaves. */
    public void released(Object owner, String series) {
        slos.release(owner, series);
    }

    /** Resolved once per name and tag value: a rare event pays a map lookup, not a registry lookup. */
    private Counter counter(String name, String description, String tag, String value) {
        return byKey.computeIfAbsent(name + '|' + value,
                key -> Counter.builder(name).description(description).tag(tag, value).register(registry));
    }

    private static String tag(EventKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
