package dev.slopipeline.router.oncall.escalation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** The hours a page does not count as out of hours, in the paged person's own time zone; {@code end} is exclusive. */
public record WorkingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    /** Monday to Friday, 09:00 to 18:00. */
    public static final WorkingHours DEFAULT =
            new WorkingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0));

    public WorkingHours {
        days = Set.copyOf(days);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("working hours must end after they start, got " + start + " to " + end);
        }
    }

    public boolean contains(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
    }
}
