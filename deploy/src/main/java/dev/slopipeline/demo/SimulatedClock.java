package dev.slopipeline.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Event time for the demo: it starts in the past and runs {@code speed} times faster than the wall clock until it
 * catches up with it, then keeps pace with it. Event time never passes the wall clock, so the streams app, which
 * refuses events from the future, accepts every event; and it starts late enough that the scenario is over before
 * it catches up (see {@link #startFor}).
 */
final class SimulatedClock {

    private final Instant start;
    private final double speed;
    private final Clock wall;
    private final Instant wallStart;

    SimulatedClock(Instant start, double speed, Clock wall) {
        if (!(speed >= 1)) {
            throw new IllegalArgumentException("speed must be at least 1 (real time), got " + speed);
        }
        this.start = start;
        this.speed = speed;
        this.wall = wall;
        this.wallStart = wall.instant();
        if (start.isAfter(wallStart)) {
            throw new IllegalArgumentException("simulated time must start in the past, not at " + start);
        }
    }

    /**
     * When simulated time must start for {@code length} of it to pass before it catches up with the wall clock at
     * this speed, with a minute to spare; whole minutes, so that simulated minutes line up with the pipeline's.
     */
    static Instant startFor(Duration length, double speed, Instant now) {
        double realSeconds = length.toSeconds() / speed;
        long behind = (long) Math.ceil(length.toSeconds() - realSeconds) + 60;
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond() - behind, 60) * 60);
    }

    Instant now() {
        Instant real = wall.instant();
        long elapsedMillis = Duration.between(wallStart, real).toMillis();
        Instant compressed = start.plusMillis((long) (elapsedMillis * speed));
        return compressed.isAfter(real) ? real : compressed;
    }

    Instant start() {
        return start;
    }

    double speed() {
        return speed;
    }
}
