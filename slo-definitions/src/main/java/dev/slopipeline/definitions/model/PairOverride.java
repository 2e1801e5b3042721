package dev.slopipeline.definitions.model;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What an SLO's YAML changes about one alert pair. Empty fields keep the default; for a pair that
 * is not one of the defaults every field but {@code enabled} must be present.
 *
 * @param budgetPercent share of the whole window's error budget spent in the long window when it fires
 */
public record PairOverride(
        Optional<Boolean> enabled,
        Optional<Severity> severity,
        Optional<Duration> longWindow,
        Optional<Duration> shortWindow,
        OptionalDouble budgetPercent) {

    public static PairOverride disabled() {
        return new PairOverride(Optional.of(false), Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty());
    }
}
