package dev.slopipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Compressed event time: fast until it reaches the wall clock, never past it, so the pipeline accepts every event. */
class SimulatedClockTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:30Z");

    @Test
    void shouldRunSpeedTimesFasterThanTheWallClockThenKeepPaceWithIt() {
        MutableClock wall = new MutableClock(NOW);
        SimulatedClock clock = new SimulatedClock(NOW.minus(Duration.ofHours(1)), 60, wall);

        wall.now = NOW.plusSeconds(30);
        assertThat(clock.now()).isEqualTo(NOW.minus(Duration.ofMinutes(30)));
        wall.now = NOW.plusSeconds(600);
        assertThat(clock.now()).isEqualTo(wall.now);
    }

    @Test
    void shouldStartEarlyEnoughForTheWholeScenarioToStayInThePastOnWholeMinutes() {
        Duration length = Duration.ofMinutes(105);
        Instant start = SimulatedClock.startFor(length, 60, NOW);
        MutableClock wall = new MutableClock(NOW);
        SimulatedClock clock = new SimulatedClock(start, 60, wall);

        wall.now = NOW.plusMillis((long) (length.toMillis() / 60.0));

        assertThat(start.getEpochSecond() % 60).isZero();
        assertThat(clock.now()).isEqualTo(start.plus(length)).isBefore(wall.now);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
