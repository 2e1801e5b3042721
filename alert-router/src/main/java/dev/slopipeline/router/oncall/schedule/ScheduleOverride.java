package dev.slopipeline.router.oncall.schedule;

import java.time.Instant;
import java.util.Objects;

/** A person covering a window of a schedule, whoever the layers say; {@code end} is exclusive. */
public record ScheduleOverride(String user, Instant start, Instant end) {

    public ScheduleOverride {
        Objects.requireNonNull(user, "user");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("override for " + user + " ends at " + end + ", not after its start " + start);
        }
    }

    public boolean covers(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public boolean overlaps(ScheduleOverride other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
