package dev.slopipeline.router.oncall.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/**
 * When a layer is on duty, in the schedule's wall time: windows opening at {@code start} on each of
 * {@code days} and closing at the next {@code end}. An end at or before the start closes the window on
 * the following day, so {@code 18:00–09:00} is a night and {@code 00:00–24:00} a whole day.
 */
public record Restriction(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    public Restriction {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a restriction needs at least one day");
        }
        days = Set.copyOf(days);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public boolean opensOn(LocalDate date) {
        return days.contains(date.getDayOfWeek());
    }

    public LocalDateTime opening(LocalDate date) {
        return date.atTime(start);
    }

    public LocalDateTime closing(LocalDate openedOn) {
        return (end.isAfter(start) ? openedOn : openedOn.plusDays(1)).atTime(end);
    }
}
