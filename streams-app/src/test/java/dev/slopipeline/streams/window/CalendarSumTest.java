package dev.slopipeline.streams.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.model.SloWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarSumTest {

    private static long minuteOf(String time) {
        return EpochMinutes.of(Instant.parse(time));
    }

    @ParameterizedTest(name = "{0} in {1} at {2}: {3} to {4}")
    @CsvSource({
            "MONTH, UTC,              2026-03-02T10:00:00Z, 2026-03-01T00:00:00Z, 2026-04-01T00:00:00Z",
            // Berlin moves to summer time on 2026-03-29: March is an hour short, and April starts at 22:00Z
            "MONTH, Europe/Berlin,    2026-03-31T21:59:00Z, 2026-02-28T23:00:00Z, 2026-03-31T22:00:00Z",
            "MONTH, Europe/Berlin,    2026-03-31T22:00:00Z, 2026-03-31T22:00:00Z, 2026-04-30T22:00:00Z",
            "MONTH, Asia/Kolkata,     2026-02-28T18:29:00Z, 2026-01-31T18:30:00Z, 2026-02-28T18:30:00Z",
            // Paraguay's summer time began at midnight on Sunday 2023-10-01: that day, and October, start at 01:00
            "MONTH, America/Asuncion, 2023-10-15T12:00:00Z, 2023-10-01T04:00:00Z, 2023-11-01T03:00:00Z",
            // weeks start on Monday, in the zone
            "WEEK,  UTC,              2026-03-22T23:59:00Z, 2026-03-16T00:00:00Z, 2026-03-23T00:00:00Z",
            "WEEK,  America/New_York, 2026-03-16T03:59:00Z, 2026-03-09T04:00:00Z, 2026-03-16T04:00:00Z",
            "WEEK,  America/New_York, 2026-03-16T04:00:00Z, 2026-03-16T04:00:00Z, 2026-03-23T04:00:00Z",
            // New York moves to summer time on Sunday 2026-03-08: that week is an hour short
            "WEEK,  America/New_York, 2026-03-05T12:00:00Z, 2026-03-02T05:00:00Z, 2026-03-09T04:00:00Z",
            "WEEK,  UTC,              1969-12-31T23:59:00Z, 1969-12-29T00:00:00Z, 1970-01-05T00:00:00Z",
    })
    void shouldFindThePeriodHoldingAMinuteInTheSloZone(SloWindow.CalendarPeriod period, String zone, String minute,
                                                       String start, String end) {
        SloWindow.Calendar calendar = new SloWindow.Calendar(period, ZoneId.of(zone));

        CalendarSum.Period found = CalendarSum.Period.of(calendar, minuteOf(minute));

        assertThat(found).isEqualTo(new CalendarSum.Period(Instant.parse(start), Instant.parse(end)));
    }

    @Test
    void shouldSumFromThePeriodStartAndEmptyWhenTheNextBegins() {
        SloWindow.Calendar week = new SloWindow.Calendar(SloWindow.CalendarPeriod.WEEK, ZoneId.of("UTC"));
        CalendarSum sum = new CalendarSum(week, minuteOf("2026-03-22T23:58:00Z"));
        sum.add(minuteOf("2026-03-16T00:00:00Z"), new Tally(10, 1, 11));
        sum.add(minuteOf("2026-03-22T23:58:00Z"), new Tally(5, 0, 5));
        Tally sunday = sum.sum();

        sum.advance(minuteOf("2026-03-23T00:00:00Z"));
        Tally monday = sum.sum();
        // a late minute of the week before stays out of the new week
        sum.add(minuteOf("2026-03-22T23:59:00Z"), new Tally(0, 3, 3));

        assertThat(sunday).isEqualTo(new Tally(15, 1, 16));
        assertThat(monday).isEqualTo(Tally.ZERO);
        assertThat(sum.sum()).isEqualTo(Tally.ZERO);
        assertThat(sum.asBudget()).isEqualTo(new BudgetWindowSum(Tally.ZERO, Instant.parse("2026-03-23T00:00:00Z"),
                Duration.ofDays(7), Optional.of(Instant.parse("2026-03-30T00:00:00Z"))));
    }

    @Test
    void shouldKeepItsSumWhileTheWatermarkStaysInThePeriod() {
        SloWindow.Calendar month = new SloWindow.Calendar(SloWindow.CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin"));
        CalendarSum sum = new CalendarSum(month, minuteOf("2026-03-02T10:00:00Z"));
        sum.add(minuteOf("2026-03-02T10:00:00Z"), new Tally(7, 2, 9));

        sum.advance(minuteOf("2026-03-31T21:59:00Z"));

        assertThat(sum.sum()).isEqualTo(new Tally(7, 2, 9));
        assertThat(sum.asBudget().length()).as("March in Berlin, an hour short").isEqualTo(Duration.ofDays(31).minusHours(1));
    }
}
