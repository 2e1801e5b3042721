package dev.slopipeline.router.oncall.escalation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is paged, in which order, and how patiently.
 *
 * @param repeat how many more times the levels run after the first time through (0: once)
 * @param ackTimeout how long an acknowledgement holds while the incident is not resolved; after it the
 *     incident is triggered again from level 1 (PagerDuty's acknowledgement timeout). Empty: for ever.
 */
public record EscalationPolicy(String name, List<EscalationLevel> levels, int repeat, Optional<Duration> ackTimeout) {

    /**
     * PagerDuty's default: long enough to fix most things that were acknowledged, short enough that a
     * forgotten acknowledgement does not hide a burning SLO for the night.
     */
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofMinutes(30);

    public EscalationPolicy {
        Objects.requireNonNull(name, "name");
        levels = List.copyOf(levels);
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("escalation policy " + name + " has no level");
        }
        if (repeat < 0) {
            throw new IllegalArgumentException("repeat must be 0 or more, got " + repeat);
        }
    }

    /**
     * Level {@code number}, counted from 1. A number past the end (an incident that was escalating when
     * the policy lost levels in a reload) is the last level.
     */
    public EscalationLevel level(int number) {
        return levels.get(Math.min(number, levels.size()) - 1);
    }

    /** How many times the levels run in all. */
    public int rounds() {
        return repeat + 1;
    }
}
