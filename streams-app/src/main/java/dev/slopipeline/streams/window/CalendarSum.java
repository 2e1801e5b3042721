package dev.slopipeline.streams.window;

import dev.slopipeline.definitions.model.SloWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The running sum of a calendar budget window: everything from the start of the current week or month,
 * in the SLO's zone, to the watermark. It only ever grows, and empties when the watermark enters the
 * next period, so it needs no buckets.
 */
final class CalendarSum {

    private final SloWindow.Calendar calendar;
    private Instant periodStart;
    private Instant periodEnd;
    private long startMinute;
    private long endMinute;
    private Tally sum = Tally.ZERO;

    CalendarSum(SloWindow.Calendar calendar, long watermark) {
        this.calendar = calendar;
        enterPeriodOf(watermark);
    }

    Tally sum() {
        return sum;
    }

    Instant periodStart() {
        return periodStart;
    }

    Instant periodEnd() {
        return periodEnd;
    }

    void restore(Tally stored) {
        sum = stored;
    }

    /** Adds a change to a minute at or before the watermark; a late minute of the previous period no longer counts. */
    void add(long minute, Tally delta) {
        if (minute >= startMinute) {
            sum = sum.plus(delta);
        }
    }

    void advance(long newWatermark) {
        if (newWatermark >= endMinute) {
            enterPeriodOf(newWatermark);
            sum = Tally.ZERO;
        }
    }

    private void enterPeriodOf(long watermark) {
        LocalDate day = EpochMinutes.start(watermark).atZone(calendar.zone()).toLocalDate();
        LocalDate first = switch (calendar.period()) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
        LocalDate next = switch (calendar.period()) {
            case WEEK -> first.plusWeeks(1);
            case MONTH -> first.plusMonths(1);
        };
        // atStartOfDay, not LocalTime.MIDNIGHT: where a DST change skips midnight the day starts at 01:00
        periodStart = first.atStartOfDay(calendar.zone()).toInstant();
        periodEnd = next.atStartOfDay(calendar.zone()).toInstant();
        startMinute = EpochMinutes.of(periodStart);
        endMinute = EpochMinutes.of(periodEnd);
    }
}
