package dev.slopipeline.streams.status;

import dev.slopipeline.definitions.model.Budgeting;
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
 * Where one SLO stands, as published (compacted, keyed by SLO name) on {@code slo.status}; see
 * {@link StatusCodec} for the JSON.
 *
 * @param asOf            the event time the numbers are for
 * @param window          the SLO window, as declared
 * @param sli             good units over all units in the SLO window; empty without traffic
 * @param burnRates       burn rate over every window the SLO tracks, shortest first
 * @param budgetRemaining share of the error budget left in the SLO window; negative once overspent
 * @param exhaustionAt    when the budget runs out at the current burn, if within the window
 * @param alerts          every severity the SLO's pairs have (or that still fires)
 * @param lateEvents      events refused as too late since the SLO's windows started
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
        List<PairStatus> pairs) {

    public StatusRecord {
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(counts, "counts");
        pairs = List.copyOf(pairs);
        burnRates = Collections.unmodifiableMap(new LinkedHashMap<>(burnRates));
        alerts = Collections.unmodifiableMap(alerts.isEmpty() ? new EnumMap<>(Severity.class) : new EnumMap<>(alerts));
    }

    public static StatusRecord of(SloStatus status, SloDefinition slo, long lateEvents, Instant updatedAt) {
        Tally window = status.budgetWindow().tally();
        String unit = slo.budgeting() instanceof Budgeting.Timeslices ? WindowCounts.MINUTES : WindowCounts.EVENTS;
        return new StatusRecord(slo.name(), slo.service(), slo.journey(), status.asOf(), slo.objectivePercent(), slo.window(),
                status.sli(), status.burnRates(), status.budget().remaining(), status.budget().exhaustionAt(),
                status.severities(), lateEvents, updatedAt,
                new WindowCounts(unit, status.budgetWindow().from(), window.good(), window.bad(), window.events()),
                status.pairs().stream().map(PairStatus::of).toList());
    }
}
