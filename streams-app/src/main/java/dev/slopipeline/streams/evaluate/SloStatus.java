package dev.slopipeline.streams.evaluate;

import dev.slopipeline.definitions.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A snapshot of one SLO, for the status topic and endpoint.
 *
 * @param sli good units over all units in the SLO window; empty without traffic
 * @param burnRates every tracked rolling window's burn rate, shortest window first
 * @param severities every severity that has pairs (or is still firing)
 */
public record SloStatus(
        String slo,
        Instant asOf,
        OptionalDouble sli,
        Map<Duration, Double> burnRates,
        BudgetStatus budget,
        Map<Severity, SeverityStatus> severities) {

    public SloStatus {
        burnRates = Collections.unmodifiableMap(new LinkedHashMap<>(burnRates));
        severities = Collections.unmodifiableMap(severities.isEmpty() ? new EnumMap<>(Severity.class) : new EnumMap<>(severities));
    }
}
