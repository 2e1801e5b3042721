package dev.slopipeline.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.policy.AlertPair;
import dev.slopipeline.streams.window.BudgetWindowSum;
import dev.slopipeline.streams.window.Tally;
import dev.slopipeline.streams.window.WindowSums;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PairEvaluationTest {

    private static final Duration LONG = Duration.ofHours(1);
    private static final Duration SHORT = Duration.ofMinutes(5);
    /** Factor 5 on an error budget of 0.05: the pair needs more than a quarter of events to fail. */
    private static final double ERROR_BUDGET = 0.05;

    private static AlertPair pair(long minEvents) {
        return new AlertPair("fast", Severity.PAGE, LONG, SHORT, 2, 5, 0.25, minEvents);
    }

    private static WindowSums sums(Tally longWindow, Tally shortWindow) {
        return new WindowSums(Instant.EPOCH, Map.of(SHORT, shortWindow, LONG, longWindow),
                new BudgetWindowSum(longWindow, Instant.EPOCH, Duration.ofDays(30), Optional.empty()));
    }

    private static Tally tally(long good, long bad) {
        return new Tally(good, bad, good + bad);
    }

    @ParameterizedTest(name = "long {0}/{1} bad, short {2}/{3} bad, min {4}: holds {5}")
    @CsvSource({
            // exactly the threshold is not above it
            "3, 1,  3, 1,  0, false",
            "5, 2,  3, 1,  0, false",
            "3, 1,  5, 2,  0, false",
            "5, 2,  5, 2,  0, true",
            // both windows must exceed it
            "0, 9,  9, 0,  0, false",
            // the long window must hold the minimum of events, and at least one
            "5, 2,  5, 2,  7, true",
            "5, 2,  5, 2,  8, false",
            "0, 0,  0, 0,  0, false",
    })
    void shouldHoldWhenBothWindowsExceedTheThresholdWithEnoughEvents(long longGood, long longBad, long shortGood, long shortBad,
                                                                     long minEvents, boolean holds) {
        PairEvaluation evaluation = PairEvaluation.of(pair(minEvents), sums(tally(longGood, longBad), tally(shortGood, shortBad)), ERROR_BUDGET);

        assertThat(evaluation.holds()).isEqualTo(holds);
    }

    @ParameterizedTest(name = "{0} good, {1} bad: burn {2}")
    @CsvSource({"0, 0, 0", "19, 1, 1", "3, 1, 5", "0, 4, 20"})
    void shouldBurnAtTheErrorRatioOverTheErrorBudget(long good, long bad, double burnRate) {
        assertThat(PairEvaluation.burnRate(tally(good, bad), ERROR_BUDGET)).isEqualTo(burnRate);
    }
}
