package dev.slopipeline.router.routing.timeinterval;

import java.time.ZoneId;
import java.util.List;

/**
 * A named set of recurring periods that routes refer to in {@code mute_time_intervals} and
 * {@code active_time_intervals}. An instant is in the interval when it is in any of its periods.
 */
public record TimeInterval(String name, List<Period> periods) {

    public TimeInterval {
        periods = List.copyOf(periods);
    }

    /**
     * An instant is in the period when every non-empty list has an entry that contains it; an empty
     * list places no constraint.
     *
     * @param times       ranges of minutes of the day, start included, end excluded (0 to 1440)
     * @param weekdays    inclusive ranges, 0 = Sunday to 6 = Saturday
     * @param daysOfMonth inclusive ranges, 1 to 31, or -1 (the last day) to -31
     * @param months      inclusive ranges, 1 = January to 12
     * @param years       inclusive ranges
     * @param location    the time zone in which all of the above are read
     */
    public record Period(
            List<TimeRange> times,
            List<Range> weekdays,
            List<Range> daysOfMonth,
            List<Range> months,
            List<Range> years,
            ZoneId location) {

        public Period {
            times = List.copyOf(times);
            weekdays = List.copyOf(weekdays);
            daysOfMonth = List.copyOf(daysOfMonth);
            months = List.copyOf(months);
            years = List.copyOf(years);
        }
    }

    /** Minutes of the day, {@code startMinute} included, {@code endMinute} excluded. */
    public record TimeRange(int startMinute, int endMinute) {
    }

    /** Both ends included. */
    public record Range(int begin, int end) {
    }
}
