package dev.slopipeline.streams.window;

import dev.slopipeline.definitions.model.SloWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The documented window definitions, computed from scratch over every accepted event: nothing here is
 * incremental and nothing calls the code under test, so a shared mistake would have to be made twice.
 *
 * <p>Definitions (see {@link WindowPlan}): watermark W = latest minute seen; an event is accepted when
 * its minute is at least W - grace; a rolling window of L minutes with bucket size g covers the minutes
 * from floor((W - L + 1) / g) × g to W; a calendar window covers from its period's first minute to W.
 * Timeslices: a minute with events is one good unit when good / events >= target, else one bad unit.
 */
final class BruteForceWindows {

    record Event(long minute, long good, long bad) {
    }

    private final List<Event> accepted = new ArrayList<>();
    private final long graceMinutes;
    private final Double sliceTarget;
    private long watermark;

    /** @param sliceTarget null for occurrences */
    BruteForceWindows(Instant start, Duration grace, Double sliceTarget) {
        this.watermark = Math.floorDiv(start.toEpochMilli(), 60_000L);
        this.graceMinutes = grace.toMinutes();
        this.sliceTarget = sliceTarget;
    }

    /** @return whether the event was accepted */
    boolean record(Instant time, long good, long bad) {
        long minute = Math.floorDiv(time.toEpochMilli(), 60_000L);
        if (minute < watermark - graceMinutes) {
            return false;
        }
        watermark = Math.max(watermark, minute);
        accepted.add(new Event(minute, good, bad));
        return true;
    }

    void advanceTo(Instant time) {
        watermark = Math.max(watermark, Math.floorDiv(time.toEpochMilli(), 60_000L));
    }

    long watermark() {
        return watermark;
    }

    static int granularity(Duration window) {
        long minutes = window.toMinutes();
        if (minutes >= 72L * 24 * 60) {
            return 24 * 60;
        }
        if (minutes >= 72L * 60) {
            return 60;
        }
        if (minutes >= 12 * 60) {
            return 10;
        }
        return 1;
    }

    static long firstMinute(long watermark, Duration window) {
        int g = granularity(window);
        return Math.floorDiv(watermark - window.toMinutes() + 1, g) * g;
    }

    Tally rolling(Duration window) {
        return over(firstMinute(watermark, window), watermark);
    }

    Tally calendar(SloWindow.Calendar calendar) {
        return over(calendarStart(watermark, calendar), watermark);
    }

    static long calendarStart(long watermark, SloWindow.Calendar calendar) {
        ZonedDateTime at = Instant.ofEpochSecond(watermark * 60).atZone(calendar.zone());
        LocalDate first = calendar.period() == SloWindow.CalendarPeriod.MONTH
                ? at.toLocalDate().withDayOfMonth(1)
                : at.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return Math.floorDiv(first.atStartOfDay(calendar.zone()).toEpochSecond(), 60L);
    }

    private Tally over(long from, long to) {
        Map<Long, long[]> perMinute = new HashMap<>();
        for (Event e : accepted) {
            if (e.minute() >= from && e.minute() <= to) {
                long[] counts = perMinute.computeIfAbsent(e.minute(), m -> new long[2]);
                counts[0] += e.good();
                counts[1] += e.bad();
            }
        }
        long good = 0;
        long bad = 0;
        long events = 0;
        for (long[] counts : perMinute.values()) {
            long minuteEvents = counts[0] + counts[1];
            events += minuteEvents;
            if (sliceTarget == null) {
                good += counts[0];
                bad += counts[1];
            } else if (minuteEvents > 0) {
                if ((double) counts[0] / minuteEvents >= sliceTarget) {
                    good++;
                } else {
                    bad++;
                }
            }
        }
        return new Tally(good, bad, events);
    }
}
