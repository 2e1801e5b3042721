package dev.slopipeline.router.oncall.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;

/**
 * Turns a wall time into an instant, with one rule for the two DST cases so that hand-offs never run
 * backwards: a wall time the clocks skip happens when they jump (02:30 on a spring-forward night in
 * Berlin is 03:00 CEST), and a wall time the clocks pass twice happens the first time.
 */
final class WallClock {

    private WallClock() {
    }

    static Instant toInstant(LocalDateTime wallTime, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(wallTime);
        if (transition == null) {
            return wallTime.atZone(zone).toInstant();
        }
        if (transition.isGap()) {
            return transition.getInstant();
        }
        return wallTime.toInstant(transition.getOffsetBefore());
    }
}
