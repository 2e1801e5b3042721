package dev.slopipeline.streams.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of one SLO's window sums, for evaluation.
 *
 * @param asOf the latest event time seen, or the latest time the windows were advanced to
 * @param windows every rolling window of the plan, shortest first
 */
public record WindowSums(Instant asOf, Map<Duration, Tally> windows, BudgetWindowSum budget) {

    public WindowSums {
        windows = Collections.unmodifiableMap(new LinkedHashMap<>(windows));
    }

    public Tally window(Duration length) {
        Tally tally = windows.get(length);
        if (tally == null) {
            throw new IllegalArgumentException("window " + length + " is not tracked; the plan tracks " + windows.keySet());
        }
        return tally;
    }
}
