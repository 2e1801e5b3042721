package dev.slopipeline.router.oncall.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Users taking turns of equal wall-clock length. Turn {@code k} starts at {@code firstHandoff + k × length}
 * in local time, so a weekly hand-off stays at 10:00 across a DST change and that turn lasts 167 or
 * 169 hours.
 *
 * @param firstHandoff when the first user's first turn starts, in the schedule's time zone
 */
public record Rotation(List<String> users, LocalDateTime firstHandoff, Duration length) {

    public Rotation {
        users = List.copyOf(users);
        Objects.requireNonNull(firstHandoff, "firstHandoff");
        if (users.isEmpty()) {
            throw new IllegalArgumentException("a rotation needs at least one user");
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a turn must be longer than zero, got " + length);
        }
    }

    /** The local wall time at which turn {@code turn} starts. */
    public LocalDateTime handoff(long turn) {
        return firstHandoff.plus(length.multipliedBy(turn));
    }

    /** Who takes turn {@code turn}. */
    public String userOnTurn(long turn) {
        return users.get((int) Math.floorMod(turn, (long) users.size()));
    }
}
