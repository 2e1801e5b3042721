package dev.slopipeline.demo;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The daily shape of a shop's traffic: quietest at 04:00, busiest at 16:00 (UTC), never below a fifth of the peak.
 */
final class DiurnalCurve {

    private static final double FLOOR = 0.2;
    private static final double QUIETEST_HOUR = 4;

    private DiurnalCurve() {
    }

    /** The share of the peak rate at this moment, 0.2..1. */
    static double share(Instant at) {
        var time = at.atOffset(ZoneOffset.UTC).toLocalTime();
        double hour = time.toSecondOfDay() / 3600.0;
        double wave = 0.5 - 0.5 * Math.cos(2 * Math.PI * (hour - QUIETEST_HOUR) / 24);
        return FLOOR + (1 - FLOOR) * wave;
    }
}
