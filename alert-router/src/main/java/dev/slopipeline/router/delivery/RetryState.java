package dev.slopipeline.router.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the delivery of one notification stands: plain data, so a caller can persist it (a compacted topic, a store)
 * and hand it back to {@link Dispatcher#resume} after a restart.
 *
 * @param receiver           the receiver the next attempt goes to (the route's, or a fallback after failover)
 * @param attempts           attempts made so far, over all receivers
 * @param attemptsOnReceiver failed attempts on {@code receiver}, which decide when to fail over
 * @param nextAttemptAt      not before this instant
 * @param lastError          why the last attempt failed; null before the first attempt
 */
public record RetryState(String receiver, int attempts, int attemptsOnReceiver, Instant nextAttemptAt,
                         String lastError) {

    public RetryState {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        if (attempts < 0 || attemptsOnReceiver < 0 || attemptsOnReceiver > attempts) {
            throw new IllegalArgumentException("inconsistent attempt counts: " + attemptsOnReceiver + " on "
                    + receiver + " of " + attempts + " in all");
        }
    }

    public static RetryState initial(String receiver, Instant now) {
        return new RetryState(receiver, 0, 0, now, null);
    }
}
