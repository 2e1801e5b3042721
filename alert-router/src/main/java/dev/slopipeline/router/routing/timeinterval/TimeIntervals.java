package dev.slopipeline.router.routing.timeinterval;

import dev.slopipeline.router.routing.timeinterval.TimeInterval.Period;
import dev.slopipeline.router.routing.timeinterval.TimeInterval.Range;
import dev.slopipeline.router.routing.timeinterval.TimeInterval.TimeRange;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Predicate;

/**
 * Whether an instant lies in a time interval, as Alertmanager's {@code ContainsTime} decides it: the instant is read
 * as wall-clock time in the period's location, then every non-empty list of the period must have an entry that
 * contains it. Times of day compare the wall-clock minute (seconds ignored), start included, end excluded; weekdays,
 * days of the month, months and years are inclusive ranges.
 *
 * <p>One deliberate difference: the length of the month that negative days of the month count back from is the
 * calendar's. Alertmanager divides the hours between two month starts by 24 and rounds down, which makes a month
 * with a spring-forward daylight-saving change one day short (the last day of March in Europe/Berlin would be the
 * 30th).
 */
public final class TimeIntervals {

    private TimeIntervals() {
    }

    /** In any of the interval's periods; an interval without periods contains nothing. */
    public static boolean contains(TimeInterval interval, Instant instant) {
        return interval.periods().stream().anyMatch(period -> contains(period, instant));
    }

    public static boolean contains(Period period, Instant instant) {
        ZonedDateTime local = instant.atZone(period.location());
        int minuteOfDay = local.getHour() * 60 + local.getMinute();
        int lengthOfMonth = local.toLocalDate().lengthOfMonth();
        int weekday = local.getDayOfWeek().getValue() % 7; // Sunday is 0, as in Go and the config
        return anyTime(period.times(), minuteOfDay)
                && anyRange(period.weekdays(), r -> r.begin() <= weekday && weekday <= r.end())
                && anyRange(period.daysOfMonth(), r -> inDays(r, local.getDayOfMonth(), lengthOfMonth))
                && anyRange(period.months(), r -> r.begin() <= local.getMonthValue() && local.getMonthValue() <= r.end())
                && anyRange(period.years(), r -> r.begin() <= local.getYear() && local.getYear() <= r.end());
    }

    private static boolean anyTime(List<TimeRange> times, int minuteOfDay) {
        return times.isEmpty()
                || times.stream().anyMatch(t -> t.startMinute() <= minuteOfDay && minuteOfDay < t.endMinute());
    }

    private static boolean anyRange(List<Range> ranges, Predicate<Range> contains) {
        return ranges.isEmpty() || ranges.stream().anyMatch(contains);
    }

    /**
     * Negative days count from the month's end, -1 being the last day. A range starting after the month ends (30:31
     * in February) holds no day of it; one ending after (25:31) stops at the month's last day.
     */
    private static boolean inDays(Range range, int day, int lengthOfMonth) {
        int begin = range.begin() < 0 ? lengthOfMonth + range.begin() + 1 : range.begin();
        int end = range.end() < 0 ? lengthOfMonth + range.end() + 1 : range.end();
        return begin <= day && day <= end;
    }
}
