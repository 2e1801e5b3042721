package dev.slopipeline.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.streams.window.BudgetWindowSum;
import dev.slopipeline.streams.window.Tally;
import dev.slopipeline.streams.window.WindowSums;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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

    @Test
    void shouldLeaveTheWholeBudgetWithoutTraffic() {
        BudgetStatus status = BudgetStatus.of(rolling(Tally.ZERO, Tally.ZERO, Tally.ZERO), ERROR_BUDGET);

        assertThat(status).isEqualTo(new BudgetStatus(1.0, Optional.empty()));
    }

    @Test
    void shouldForecastFromTheFasterOfTheHourAndSixHourBurns() {
        // half the budget left; the hour burns at 1.6 and six hours at 1: 0.5 × 30 d ÷ 1.6 = 9.375 d
        BudgetStatus status = BudgetStatus.of(rolling(tally(3, 1), tally(1, 4), tally(1, 1)), ERROR_BUDGET);

        assertThat(status.remaining()).isEqualTo(0.5);
        assertThat(status.exhaustionAt()).hasValue(NOW.plus(Duration.ofHours(225)));
    }

    @Test
    void shouldGoNegativeWhenOverspentAndSayItIsExhaustedNowWhileStillBurning() {
        BudgetStatus burning = BudgetStatus.of(rolling(tally(1, 3), tally(1, 1), Tally.ZERO), ERROR_BUDGET);
        BudgetStatus quiet = BudgetStatus.of(rolling(tally(1, 3), Tally.ZERO, Tally.ZERO), ERROR_BUDGET);

        assertThat(burning).isEqualTo(new BudgetStatus(-0.5, Optional.of(NOW)));
        assertThat(quiet).isEqualTo(new BudgetStatus(-0.5, Optional.empty()));
    }

    @Test
    void shouldForecastNothingBeyondOneRollingWindow() {
        // six hours burn at 0.4: 0.5 × 30 d ÷ 0.4 = 37.5 d, by when the window holds only that burn
        BudgetStatus slow = BudgetStatus.of(rolling(tally(3, 1), Tally.ZERO, tally(4, 1)), ERROR_BUDGET);
        BudgetStatus faster = BudgetStatus.of(rolling(tally(3, 1), Tally.ZERO, tally(7, 3)), ERROR_BUDGET);

        assertThat(slow.exhaustionAt()).isEmpty();
        assertThat(faster.exhaustionAt()).hasValue(NOW.plus(Duration.ofDays(25)));
    }

    @Test
    void shouldForecastNothingWhenTheCalendarPeriodResetsFirst() {
        // the hour burns at 1.6: exhausted in 9.375 d
        Tally window = tally(3, 1);
        Tally lastHour = tally(1, 4);

        BudgetStatus resetsBefore = BudgetStatus.of(calendar(window, lastHour, Tally.ZERO, NOW.plus(Duration.ofDays(9))), ERROR_BUDGET);
        BudgetStatus resetsAfter = BudgetStatus.of(calendar(window, lastHour, Tally.ZERO, NOW.plus(Duration.ofDays(10))), ERROR_BUDGET);

        assertThat(resetsBefore.exhaustionAt()).isEmpty();
        assertThat(resetsAfter.exhaustionAt()).hasValue(NOW.plus(Duration.ofHours(225)));
    }
}
