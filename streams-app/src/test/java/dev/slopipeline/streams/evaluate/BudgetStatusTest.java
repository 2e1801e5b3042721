package dev.slopipeline.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.streams.window.BudgetWindowSum;
import dev.slopipeline.streams.window.Tally;
import dev.slopipeline.streams.window.WindowSums;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** With an error budget of one half the arithmetic stays exact: a burn rate is twice the error ratio. */
class BudgetStatusTest {

    private static final double ERROR_BUDGET = 0.5;
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private static Tally tally(long good, long bad) {
        return new Tally(good, bad, good + bad);
    }

    private static WindowSums rolling(Tally window, Tally lastHour, Tally last6Hours) {
        return new WindowSums(NOW, Map.of(Duration.ofHours(1), lastHour, Duration.ofHours(6), last6Hours),
                new BudgetWindowSum(window, NOW.minus(THIRTY_DAYS), THIRTY_DAYS, Optional.empty()));
    }

    private static WindowSums calendar(Tally window, Tally lastHour, Tally last6Hours, Instant resetsAt) {
        return new WindowSums(NOW, Map.of(Duration.ofHours(1), lastHour, Duration.ofHours(6), last6Hours),
                new BudgetWindowSum(window, resetsAt.minus(THIRTY_DAYS), THIRTY_DAYS, Optional.of(resetsAt)));
    }

    /** The SLO window's and the forecast windows' sums, and the budget they leave. */
    static Stream<Arguments> budgets() {
        return Stream.of(
                Arguments.of("without traffic the whole budget is left",
                        rolling(Tally.ZERO, Tally.ZERO, Tally.ZERO),
                        new BudgetStatus(1.0, Optional.empty())),
                // half the budget left; the hour burns at 1.6 and six hours at 1: 0.5 × 30 d ÷ 1.6 = 9.375 d
                Arguments.of("the forecast follows the faster of the hour's and the six hours' burn",
                        rolling(tally(3, 1), tally(1, 4), tally(1, 1)),
                        new BudgetStatus(0.5, Optional.of(NOW.plus(Duration.ofHours(225))))),
                Arguments.of("an overspent budget goes negative and is exhausted now while still burning",
                        rolling(tally(1, 3), tally(1, 1), Tally.ZERO),
                        new BudgetStatus(-0.5, Optional.of(NOW))),
                Arguments.of("an overspent budget that no longer burns has no exhaustion time",
                        rolling(tally(1, 3), Tally.ZERO, Tally.ZERO),
                        new BudgetStatus(-0.5, Optional.empty())),
                // six hours burn at 0.4: 0.5 × 30 d ÷ 0.4 = 37.5 d, by when the window holds only that burn
                Arguments.of("no forecast beyond one rolling window",
                        rolling(tally(3, 1), Tally.ZERO, tally(4, 1)),
                        new BudgetStatus(0.5, Optional.empty())),
                // six hours burn at 0.6: 0.5 × 30 d ÷ 0.6 = 25 d
                Arguments.of("a forecast within one rolling window",
                        rolling(tally(3, 1), Tally.ZERO, tally(7, 3)),
                        new BudgetStatus(0.5, Optional.of(NOW.plus(Duration.ofDays(25))))),
                // the hour burns at 1.6: exhausted in 9.375 d
                Arguments.of("no forecast when the calendar period resets first",
                        calendar(tally(3, 1), tally(1, 4), Tally.ZERO, NOW.plus(Duration.ofDays(9))),
                        new BudgetStatus(0.5, Optional.empty())),
                Arguments.of("a forecast when the calendar period resets after the budget runs out",
                        calendar(tally(3, 1), tally(1, 4), Tally.ZERO, NOW.plus(Duration.ofDays(10))),
                        new BudgetStatus(0.5, Optional.of(NOW.plus(Duration.ofHours(225))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("budgets")
    void shouldLeaveTheBudgetTheWindowsImply(String behaviour, WindowSums sums, BudgetStatus expected) {
        assertThat(BudgetStatus.of(sums, ERROR_BUDGET)).as(behaviour).isEqualTo(expected);
    }
}
