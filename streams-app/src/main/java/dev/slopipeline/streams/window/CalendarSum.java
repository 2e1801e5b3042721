package dev.slopipeline.streams.window;

import dev.slopipeline.definitions.model.SloWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * The running sum of a calendar budget window: everything from the start of the current week or month,
 * in the SLO's zone, to the watermark. It only ever grows, and empties when the watermark enters the
 * next period, so it needs no buckets.
 */
final class CalendarSum {

    /** One week or month of a calendar window: from its first instant to the next period's. */
    record Period(Instant start, Instant end) {

        /** The period holding minute {@code minute}, in the calendar's zone. */
        static Period of(SloWindow.Calendar calendar, long minute) {
            LocalDate day = EpochMinutes.start(minute).atZone(calendar.zone()).toLocalDate();
            LocalDate first = switch (calendar.period()) {
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
            };
            LocalDate next = switch (calendar.period()) {
                case WEEK -> first.plusWeeks(1);
                case MONTH -> first.plusMonths(1);
            };
            // atStartOfDay, not LocalTime.MIDNIGHT: where a DST change skips midnight the day starts at 01:00
            return new Period(first.atStartOfDay(calendar.zone()).toInstant(), next.atStartOfDay(calendar.zone()).toInstant());
        }
    }

    private final SloWindow.Calendar calendar;
    private Period period;
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

    /** This sum as the SLO window's: from the period's start, the whole period's length, reset at its end. */
    BudgetWindowSum asBudget() {
        return new BudgetWindowSum(sum, period.start(), Duration.between(period.start(), period.end()), Optional.of(period.end()));
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
        period = Period.of(calendar, watermark);
        startMinute = EpochMinutes.of(period.start());
        endMinute = EpochMinutes.of(period.end());
    }
}
