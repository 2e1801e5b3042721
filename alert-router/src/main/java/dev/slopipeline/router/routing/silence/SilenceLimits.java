package dev.slopipeline.router.routing.silence;

import java.time.Duration;
import java.util.Objects;

/**
 * How many silences may mute at once and for how long one may last: a silence that mutes everything for a year, or
 * ten thousand that nobody reviews, hide pages as surely as a broken router.
 *
 * @param maxSilences active and pending silences together, as Alertmanager's {@code --silences.max-silences}
 * @param maxDuration the longest a silence may last, from its start (or now, if it starts in the past) to its end
 */
public record SilenceLimits(int maxSilences, Duration maxDuration) {

    /** A month covers a planned migration; a mute for longer belongs in the routing tree, where it is reviewed. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofDays(30);
    public static final int DEFAULT_MAX_SILENCES = 1_000;
    public static final SilenceLimits DEFAULT = new SilenceLimits(DEFAULT_MAX_SILENCES, DEFAULT_MAX_DURATION);

    public SilenceLimits {
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (maxSilences < 1) {
            throw new IllegalArgumentException("at least one silence must be allowed, not " + maxSilences);
        }
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("a silence must be allowed to last some time, not " + maxDuration);
        }
    }
}
