package dev.slopipeline.streams.evaluate;

import java.time.Instant;
import java.util.Objects;

/**
 * A severity that is firing.
 *
 * @param triggeringPair the name of the pair that made it fire, reported again when it resolves
 */
public record ActiveAlert(Instant startedAt, String triggeringPair) {

    public ActiveAlert {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(triggeringPair, "triggeringPair");
    }
}
