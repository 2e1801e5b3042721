package dev.slopipeline.streams.evaluate;

import java.time.Instant;
import java.util.Objects;

/**
 * A severity that is firing.
 *
 * @param triggeringPair the name of the pair that made it fire, reported again when it resolves
 * @param lastHeld       the latest evaluation time at which one of its pairs held
 */
public record ActiveAlert(Instant startedAt, String triggeringPair, Instant lastHeld) {

    public ActiveAlert {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(triggeringPair, "triggeringPair");
        Objects.requireNonNull(lastHeld, "lastHeld");
    }

    ActiveAlert heldAt(Instant time) {
        return new ActiveAlert(startedAt, triggeringPair, time);
    }
}
