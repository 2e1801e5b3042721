package dev.slopipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The shop's day follows the scenario's clock, so a demo pages the same at whatever hour it is played. */
class DiurnalCurveTest {

    @Test
    void shouldPeakAtFourInTheAfternoonAndBottomOutAtFourInTheMorningOfTheShopsDay() {
        LocalTime noon = LocalTime.NOON;

        assertThat(DiurnalCurve.share(Duration.ofHours(4), noon)).isCloseTo(1.0, within(1e-9));
        assertThat(DiurnalCurve.share(Duration.ofHours(16), noon)).isCloseTo(0.2, within(1e-9));
        assertThat(DiurnalCurve.share(Duration.ZERO, LocalTime.of(16, 0))).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void shouldRepeatEveryDayThroughTheHistoryBeforeTheFirstPhase() {
        LocalTime start = LocalTime.of(13, 0);

        for (int minutes = 0; minutes < 24 * 60; minutes += 17) {
            Duration at = Duration.ofMinutes(minutes);
            assertThat(DiurnalCurve.share(at.minusDays(1), start)).isCloseTo(DiurnalCurve.share(at, start), within(1e-9));
        }
        // an hour into the history is an hour before the first phase, on the shop's clock
        assertThat(DiurnalCurve.share(Duration.ofHours(-1), start))
                .isCloseTo(DiurnalCurve.share(Duration.ZERO, LocalTime.of(12, 0)), within(1e-9));
    }
}
