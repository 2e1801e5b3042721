package dev.slopipeline.definitions.alert;

import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.event.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One alert transition on {@code slo.alerts}: an SLO's alert of one severity started firing or
 * resolved. Only transitions are published, never a repeat of the current state.
 *
 * <p>Components are in wire order. The constructor enforces what the schema promises readers
 * (non-null required parts, finite numbers, valid windows), so anything built here encodes to a
 * document that validates; and it copies collections, keeping the caller's map order because
 * annotations read best in the order they were written (summary first).
 *
 * @param id              stable for the whole incident: see {@link #id(String, Severity, Instant)}
 * @param slo             SLO name
 * @param service         the catalog service the SLO belongs to
 * @param journey         the user journey protected, or {@code null} when the SLO names none
 * @param severity        severity of the alert pair(s) involved
 * @param state           the state entered
 * @param at              when the transition happened (event time)
 * @param startedAt       when the incident started firing; equals {@code at} when firing
 * @param windows         the long and short window of the pair that decided this transition
 * @param burnRate        burn rates over those windows at {@code at}
 * @param threshold       burn-rate factor both windows must exceed to fire
 * @param pairs           names of every alert pair of this severity that holds at {@code at}, so
 *                        a fast pair's page also says whether the slower ones agree; empty once
 *                        resolved
 * @param budgetRemaining fraction of the error budget left in the SLO window; negative once
 *                        overspent
 * @param exhaustionAt    when the budget runs out at the current burn, or {@code null} if never
 * @param labels          routing labels
 * @param annotations     human text: summary, runbook, description, ...
 * @param contributors    the request sources with the most bad events, worst first
 * @param context         component health checks that bear on the journey
 */
public record Alert(
        String id,
        String slo,
        String service,
        String journey,
        Severity severity,
        AlertState state,
        Instant at,
        Instant startedAt,
        Windows windows,
        BurnRate burnRate,
        double threshold,
        List<String> pairs,
        double budgetRemaining,
        Instant exhaustionAt,
        Map<String, String> labels,
        Map<String, String> annotations,
        List<Contributor> contributors,
        List<Context> context) {

    /** The topic alert transitions are published to unless configured otherwise. */
    public static final String DEFAULT_TOPIC = "slo.alerts";

    /** Null collections stand for empty ones. */
    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(burnRate, "burnRate");
        if (at.isBefore(startedAt)) {
            throw new IllegalArgumentException("at " + at + " is before startedAt " + startedAt);
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be positive and finite, got " + threshold);
        }
        if (!(budgetRemaining <= 1) || Double.isInfinite(budgetRemaining)) {
            throw new IllegalArgumentException(
                    "budgetRemaining must be finite and at most 1, got " + budgetRemaining);
        }
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
        labels = orderedCopy(labels, "labels");
        annotations = orderedCopy(annotations, "annotations");
        contributors = contributors == null ? List.of() : List.copyOf(contributors);
        context = context == null ? List.of() : List.copyOf(context);
    }

    /**
     * The id of the incident an SLO's alert of {@code severity} started at {@code startedAt}:
     * {@code slo/severity/startedAt}, e.g. {@code checkout-availability/page/2026-11-23T10:04:00Z}; for a series of a
     * split SLO {@code slo} is the series key ({@code checkout-availability{region="eu-west"}}, see
     * {@link dev.slopipeline.definitions.model.SeriesKey}).
     * The firing and the resolved transition of one incident share it, so consumers can pair them
     * and deduplicate redeliveries.
     */
    public static String id(String slo, Severity severity, Instant startedAt) {
        return slo + "/" + severity.wireName() + "/" + startedAt;
    }

    /**
     * This transition with {@code annotations} instead of its own: a producer words the annotations from the
     * alert it composed (see {@link AlertWording}).
     */
    public Alert withAnnotations(Map<String, String> annotations) {
        return new Alert(id, slo, service, journey, severity, state, at, startedAt, windows, burnRate, threshold, pairs,
                budgetRemaining, exhaustionAt, labels, annotations, contributors, context);
    }

    /**
     * The two windows of an alert pair, each a positive whole number of minutes, long longer than
     * short. The wire names are {@code long} and {@code short}, which Java reserves.
     */
    public record Windows(Duration longWindow, Duration shortWindow) {
        public Windows {
            Objects.requireNonNull(longWindow, "longWindow");
            Objects.requireNonNull(shortWindow, "shortWindow");
            WireDurations.requireWire(longWindow);
            WireDurations.requireWire(shortWindow);
            if (shortWindow.compareTo(longWindow) >= 0) {
                throw new IllegalArgumentException("short window " + WireDurations.format(shortWindow)
                        + " is not shorter than long window " + WireDurations.format(longWindow));
            }
        }
    }

    /** Burn rates over the long and the short window: finite and not negative. */
    public record BurnRate(double longWindow, double shortWindow) {
        public BurnRate {
            requireRate(longWindow, "long");
            requireRate(shortWindow, "short");
        }

        private static void requireRate(double rate, String window) {
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException(
                        "burn rate over the " + window + " window must be finite and not negative, got " + rate);
            }
        }
    }

    /** A source of bad events: {@code bad} of them in the long window. */
    public record Contributor(String service, String operation, long bad) {
        public Contributor {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(operation, "operation");
            if (bad < 0) {
                throw new IllegalArgumentException("bad must not be negative, got " + bad);
            }
        }
    }

    /**
     * A component check's latest result attached as context.
     *
     * @param target what was checked, or {@code null}
     * @param at     when the check reported, or {@code null} if unknown
     */
    public record Context(String service, String check, HealthStatus status, String target, Instant at) {
        public Context {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(status, "status");
        }
    }

    private static Map<String, String> orderedCopy(Map<String, String> map, String name) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(
                Objects.requireNonNull(key, () -> name + " key"),
                Objects.requireNonNull(value, () -> name + "." + key)));
        return Collections.unmodifiableMap(copy);
    }
}
