package dev.slopipeline.router.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How hard to keep trying: exponential backoff with full jitter, and when to give up on a receiver for its fallback.
 *
 * <p>Full jitter (a uniformly random wait between zero and the exponential ceiling) spreads out the retries of many
 * notifications that failed together, so a receiver coming back from an outage is not hit by one synchronised wave.
 *
 * @param base                    the ceiling of the first wait; it doubles with every failed attempt
 * @param cap                     the largest ceiling, and the longest a Retry-After header can make us wait
 * @param attemptsBeforeFailover  failed attempts on one receiver before its fallback takes over
 */
public record RetryPolicy(Duration base, Duration cap, int attemptsBeforeFailover) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 3);

    public RetryPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("retry backoff needs 0 < base <= cap, was base " + base + ", cap " + cap);
        }
        if (attemptsBeforeFailover < 1) {
            throw new IllegalArgumentException("attemptsBeforeFailover must be at least 1, was " + attemptsBeforeFailover);
        }
    }

    /** The wait after the {@code failedAttempts}-th failure in a row (1 for the first). */
    public Duration backoff(int failedAttempts, RandomGenerator random) {
        long ceilingMillis = ceiling(failedAttempts).toMillis();
        return Duration.ofMillis((long) (random.nextDouble() * (ceilingMillis + 1)));
    }

    /**
     * A receiver's Retry-After is honoured up to {@link #cap}: alerts are time-critical, and a receiver that keeps
     * refusing for longer uses up its attempts and hands over to its fallback.
     */
    public Duration retryAfter(Duration requested) {
        return requested.compareTo(cap) > 0 ? cap : requested;
    }

    private Duration ceiling(int failedAttempts) {
        // Past 2^20 doublings any sane base exceeds any sane cap; stopping there avoids overflow.
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 20);
        Duration ceiling = base.multipliedBy(1L << doublings);
        return ceiling.compareTo(cap) > 0 ? cap : ceiling;
    }
}
