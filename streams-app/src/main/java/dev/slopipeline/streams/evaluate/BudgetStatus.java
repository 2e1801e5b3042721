package dev.slopipeline.streams.evaluate;

import dev.slopipeline.streams.window.BudgetWindowSum;
import dev.slopipeline.streams.window.WindowSums;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is left of the error budget over the SLO window, and when it runs out at the current pace.
 *
 * @param remaining 1 − (error ratio ÷ error budget) over the SLO window: 1 when untouched or without
 *                  traffic, 0 when spent, negative when overspent
 * @param exhaustionAt the earlier forecast from the 1 h and the 6 h burn rates; the evaluation time when
 *                     the budget is already spent and still burning; empty when neither window burns, or
 *                     when the budget outlasts the horizon (see {@link #of})
 */
public record BudgetStatus(double remaining, Optional<Instant> exhaustionAt) {

    /** The windows whose burn rates forecast exhaustion; every window plan must track them. */
    public static final List<Duration> FORECAST_WINDOWS = List.of(Duration.ofHours(1), Duration.ofHours(6));

    public BudgetStatus {
        Objects.requireNonNull(exhaustionAt, "exhaustionAt");
    }

    /**
     * A window of length P burning at rate b spends a share b × t ÷ P of its budget in time t, so the
     * remaining share r lasts r × P ÷ b. The forecast is dropped beyond its horizon: the end of a
     * calendar period (the budget resets first), or one rolling window ahead (by then every counted
     * event burns at rate b, and a window burning below 1 never runs out).
     */
    public static BudgetStatus of(WindowSums sums, double errorBudget) {
        BudgetWindowSum budget = sums.budget();
        double remaining = 1.0 - budget.tally().errorRatio() / errorBudget;
        Instant horizon = budget.resetsAt().orElse(sums.asOf().plus(budget.length()));
        Optional<Instant> exhaustion = FORECAST_WINDOWS.stream()
                .map(window -> PairEvaluation.burnRate(sums.window(window), errorBudget))
                .flatMap(burnRate -> exhaustion(remaining, burnRate, budget.length(), sums.asOf(), horizon).stream())
                .min(Instant::compareTo);
        return new BudgetStatus(remaining, exhaustion);
    }

    private static Optional<Instant> exhaustion(double remaining, double burnRate, Duration length, Instant now, Instant horizon) {
        if (burnRate <= 0) {
            return Optional.empty();
        }
        if (remaining <= 0) {
            return Optional.of(now);
        }
        double millis = remaining * length.toMillis() / burnRate;
        if (millis >= Duration.between(now, horizon).toMillis()) {
            return Optional.empty();
        }
        return Optional.of(now.plusMillis(Math.round(millis)));
    }
}
