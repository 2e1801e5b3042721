package dev.slopipeline.streams.evaluate;

import dev.slopipeline.definitions.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import dev.slopipeline.streams.window.BudgetWindowSum;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A snapshot of one SLO, for the status topic and endpoint.
 *
 * @param sli good units over all units in the SLO window; empty without traffic
 * @param burnRates every tracked rolling window's burn rate, shortest window first
 * @param severities every severity that has pairs (or is still firing)
 * @param pairs every alert pair judged now, by severity, then fastest first
 * @param budgetWindow the sum over the SLO window
 */
public record SloStatus(
        String slo,
        Instant asOf,
        OptionalDouble sli,
        Map<Duration, Double> burnRates,
        BudgetStatus budget,
        Map<Severity, SeverityStatus> severities,
        List<PairEvaluation> pairs,
        BudgetWindowSum budgetWindow) {

    public SloStatus {
        burnRates = Collections.unmodifiableMap(new LinkedHashMap<>(burnRates));
        severities = Collections.unmodifiableMap(severities.isEmpty() ? new EnumMap<>(Severity.class) : new EnumMap<>(severities));
        pairs = List.copyOf(pairs);
    }
}
