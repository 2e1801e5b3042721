package dev.slopipeline.router.oncall.escalation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of an escalation policy: everyone it names is paged at once.
 *
 * @param schedules paged through whoever each has on call at the time of the page
 * @param delay how long the level has to acknowledge before the next one is paged; empty only where
 *     nothing follows
 * @param reminder how often the level is paged again while it waits
 */
public record EscalationLevel(List<String> users, List<String> schedules, Optional<Duration> delay, Optional<Duration> reminder) {

    public EscalationLevel {
        users = List.copyOf(users);
        schedules = List.copyOf(schedules);
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(reminder, "reminder");
        if (users.isEmpty() && schedules.isEmpty()) {
            throw new IllegalArgumentException("an escalation level needs a user or a schedule");
        }
    }
}
