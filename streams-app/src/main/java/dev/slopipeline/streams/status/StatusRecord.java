package dev.slopipeline.streams.status;

import dev.slopipeline.definitions.model.Budgeting;
import dev.slopipeline.definitions.model.SeriesKey;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.streams.evaluate.SeverityStatus;
import dev.slopipeline.streams.evaluate.SloStatus;
import dev.slopipeline.streams.window.Tally;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where one SLO series stands (the whole SLO when it is not split), as published (compacted, keyed by series, see
 * {@link SeriesKey}) on {@code slo.status}; see {@link StatusCodec} for the JSON.
 *
 * @param slo             the SLO's name, also for a series of a split SLO
 * @param asOf            the event time the numbers are for
 * @param window          the SLO window, as declared
 * @param sli             good units over all units in the SLO window; empty without traffic
 * @param burnRates       burn rate over every window the SLO tracks, shortest first
 * @param budgetRemaining share of the error budget left in the SLO window; negative once overspent
 * @param exhaustionAt    when the budget runs out at the current burn, if within the window
 * @param alerts          every severity the SLO's pairs have (or that still fires)
 * @param lateEvents      events refused as too late since the SLO's windows started
 * @param labels          the series' labels, in the order of the SLO's {@code groupBy}; empty when not split
 */
public record StatusRecord(
        String slo,
        String service,
        String journey,
        Instant asOf,
        double objectivePercent,
        SloWindow window,
        OptionalDouble sli,
        Map<Duration, Double> burnRates,
        double budgetRemaining,
        Optional<Instant> exhaustionAt,
        Map<Severity, SeverityStatus> alerts,
        long lateEvents,
        Instant updatedAt,
        WindowCounts counts,
        List<PairStatus> pairs,
        Map<String, String> labels) {

    public StatusRecord {
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(counts, "counts");
        pairs = List.copyOf(pairs);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        burnRates = Collections.unmodifiableMap(new LinkedHashMap<>(burnRates));
        alerts = Collections.unmodifiableMap(alerts.isEmpty() ? new EnumMap<>(Severity.class) : new EnumMap<>(alerts));
    }

    /** The status of an SLO that is not split. */
    public StatusRecord(String slo, String service, String journey, Instant asOf, double objectivePercent, SloWindow window,
                        OptionalDouble sli, Map<Duration, Double> burnRates, double budgetRemaining,
                        Optional<Instant> exhaustionAt, Map<Severity, SeverityStatus> alerts, long lateEvents,
                        Instant updatedAt, WindowCounts counts, List<PairStatus> pairs) {
        this(slo, service, journey, asOf, objectivePercent, window, sli, burnRates, budgetRemaining, exhaustionAt, alerts,
                lateEvents, updatedAt, counts, pairs, Map.of());
    }

    /** Which series this is the status of, its key on {@code slo.status} and in the status store. */
    public SeriesKey series() {
        return new SeriesKey(slo, labels);
    }

    public static StatusRecord of(SloStatus status, SloDefinition slo, SeriesKey series, long lateEvents, Instant updatedAt) {
        Tally window = status.budgetWindow().tally();
        String unit = slo.budgeting() instanceof Budgeting.Timeslices ? WindowCounts.MINUTES : WindowCounts.EVENTS;
        return new StatusRecord(slo.name(), slo.service(), slo.journey(), status.asOf(), slo.objectivePercent(), slo.window(),
                status.sli(), status.burnRates(), status.budget().remaining(), status.budget().exhaustionAt(),
                status.severities(), lateEvents, updatedAt,
                new WindowCounts(unit, status.budgetWindow().from(), window.good(), window.bad(), window.events()),
                status.pairs().stream().map(PairStatus::of).toList(), series.labels());
    }
}
