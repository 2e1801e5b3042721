package dev.slopipeline.demo;

import java.time.Duration;
import java.time.LocalTime;

/**
 * The daily shape of a shop's traffic: quietest at 04:00, busiest at 16:00 of the shop's day, never below a fifth of
 * the peak. The shop's day is the scenario's ({@link Scenario#timeOfDay()}), not the wall clock's.
 */
final class DiurnalCurve {

    private static final double FLOOR = 0.2;
    private static final double QUIETEST_HOUR = 4;

    private DiurnalCurve() {
    }

    /**
     * The share of the peak rate, 0.2..1, this long after the first phase began (negative in the history) when the
     * first phase begins at {@code timeOfDay}.
     */
    static double share(Duration sinceFirstPhase, LocalTime timeOfDay) {
        // any number of hours will do, before or after the first phase: the wave repeats every 24
        double hour = timeOfDay.toSecondOfDay() / 3600.0 + sinceFirstPhase.toMillis() / 3_600_000.0;
        double wave = 0.5 - 0.5 * Math.cos(2 * Math.PI * (hour - QUIETEST_HOUR) / 24);
        return FLOOR + (1 - FLOOR) * wave;
    }
}
