package dev.slopipeline.router.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Decides what follows an attempt: done, wait and retry on the same receiver, or move on to its fallback. */
final class RetryPlanner {

    private final Receivers receivers;
    private final RetryPolicy policy;
    private final RandomGenerator random;

    RetryPlanner(Receivers receivers, RetryPolicy policy, RandomGenerator random) {
        this.receivers = receivers;
        this.policy = policy;
        this.random = random;
    }

    /** The state for the next attempt, or empty when there is none (delivered, or refused with nowhere else to go). */
    Optional<RetryState> next(RetryState tried, DeliveryResult result, Instant now) {
        int attempts = tried.attempts() + 1;
        Optional<String> fallback = receivers.get(tried.receiver()).map(Receiver::fallback);
        if (result instanceof DeliveryResult.Accepted) {
            return Optional.empty();
        }
        if (result instanceof DeliveryResult.PermanentFailure) {
            String error = ((DeliveryResult.PermanentFailure) result).error();
            // The fallback is another endpoint, often another provider: its answer may well differ.
            return fallback.map(f -> new RetryState(f, attempts, 0, now, error));
        }
        DeliveryResult.TransientFailure failure = (DeliveryResult.TransientFailure) result;
        int onReceiver = tried.attemptsOnReceiver() + 1;
        if (onReceiver >= policy.attemptsBeforeFailover() && fallback.isPresent()) {
            // No wait before the first try of the fallback: it has not failed us yet, and the page is late already.
            return Optional.of(new RetryState(fallback.get(), attempts, 0, now, failure.error()));
        }
        Instant at = now.plus(failure.retryAfter()
                .map(policy::retryAfter)
                .orElseGet(() -> policy.backoff(attempts, random)));
        return Optional.of(new RetryState(tried.receiver(), attempts, onReceiver, at, failure.error()));
    }
}
