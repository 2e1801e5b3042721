package dev.slopipeline.router.routing.timeinterval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.routing.timeinterval.TimeInterval.Period;
import dev.slopipeline.router.routing.timeinterval.TimeInterval.Range;
import dev.slopipeline.router.routing.timeinterval.TimeInterval.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each case: a period, an instant (UTC), whether the period contains it, and why, worked out by hand. */
class TimeIntervalsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** A period built field by field; unset fields are empty lists and the location is UTC. */
    private static final class P {
        final List<TimeRange> times = new ArrayList<>();
        final List<Range> weekdays = new ArrayList<>();
        final List<Range> daysOfMonth = new ArrayList<>();
        final List<Range> months = new ArrayList<>();
        final List<Range> years = new ArrayList<>();
        ZoneId location = ZoneOffset.UTC;

        P times(String start, String end) {
            times.add(new TimeRange(minute(start), minute(end)));
            return this;
        }

        P weekdays(int begin, int end) {
            weekdays.add(new Range(begin, end));
            return this;
        }

        P days(int begin, int end) {
            daysOfMonth.add(new Range(begin, end));
            return this;
        }

        P months(int begin, int end) {
            months.add(new Range(begin, end));
            return this;
        }

        P years(int begin, int end) {
            years.add(new Range(begin, end));
            return this;
        }

        P in(ZoneId zone) {
            location = zone;
            return this;
        }

        Period build() {
            return new Period(times, weekdays, daysOfMonth, months, years, location);
        }

        private static int minute(String hhmm) {
            return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
        }
    }

    private static P period() {
        return new P();
    }

    private static Arguments at(String why, P period, String instant, boolean contained) {
        return Arguments.of(why, period.build(), Instant.parse(instant), contained);
    }

    static Stream<Arguments> cases() {
        P officeHours = period().times("09:00", "17:00").weekdays(1, 5);
        P overnight = period().times("22:00", "24:00").times("00:00", "06:00");
        P lastDay = period().days(-1, -1);
        P lastWeek = period().days(-7, -1);
        P endOfMonth = period().days(25, 31);
        P thirtiethOn = period().days(30, 31);
        P winter = period().months(11, 12).months(1, 2);
        P years = period().years(2026, 2027);
        P berlinOffice = period().times("09:00", "17:00").in(BERLIN);
        P berlinTwoAm = period().times("02:00", "03:00").in(BERLIN);
        return Stream.of(
                at("Monday 09:00, start included", officeHours, "2026-11-23T09:00:00Z", true),
                at("Monday 16:59:59, seconds do not count", officeHours, "2026-11-23T16:59:59Z", true),
                at("Monday 17:00, end excluded", officeHours, "2026-11-23T17:00:00Z", false),
                at("Sunday 10:00, weekday 0 outside 1:5", officeHours, "2026-11-22T10:00:00Z", false),
                at("Saturday 10:00, weekday 6", officeHours, "2026-11-21T10:00:00Z", false),

                at("23:59, last minute of 22:00-24:00", overnight, "2026-11-23T23:59:00Z", true),
                at("00:00, first minute of 00:00-06:00", overnight, "2026-11-24T00:00:00Z", true),
                at("05:59", overnight, "2026-11-24T05:59:00Z", true),
                at("06:00, end excluded", overnight, "2026-11-24T06:00:00Z", false),
                at("21:59", overnight, "2026-11-23T21:59:00Z", false),

                at("-1 is 28 February in 2026", lastDay, "2026-02-28T12:00:00Z", true),
                at("-1 is not 28 February in leap 2028", lastDay, "2028-02-28T12:00:00Z", false),
                at("-1 is 29 February in 2028", lastDay, "2028-02-29T12:00:00Z", true),
                at("-7:-1 starts on 24 April (30 days)", lastWeek, "2026-04-24T00:00:00Z", true),
                at("-7:-1 excludes 23 April", lastWeek, "2026-04-23T23:59:00Z", false),
                at("-7:-1 starts on 25 May (31 days)", lastWeek, "2026-05-25T00:00:00Z", true),
                at("-7:-1 excludes 24 May", lastWeek, "2026-05-24T12:00:00Z", false),
                at("25:31 stops at 28 February", endOfMonth, "2026-02-28T12:00:00Z", true),
                at("30:31 holds no day of February", thirtiethOn, "2026-02-28T12:00:00Z", false),
                at("30:31 holds 31 March", thirtiethOn, "2026-03-31T12:00:00Z", true),

                at("November in november:december", winter, "2026-11-30T23:59:00Z", true),
                at("January in january:february", winter, "2027-01-01T00:00:00Z", true),
                at("March in neither", winter, "2027-03-01T00:00:00Z", false),

                at("last minute of 2027", years, "2027-12-31T23:59:00Z", true),
                at("first minute of 2028", years, "2028-01-01T00:00:00Z", false),
                at("2028 already in Auckland (13:00 ahead)", period().years(2026, 2027).in(ZoneId.of("Pacific/Auckland")),
                        "2027-12-31T11:00:00Z", false),

                at("09:00 CEST in summer is 07:00 UTC", berlinOffice, "2026-07-01T07:00:00Z", true),
                at("08:00 CET in winter is 07:00 UTC", berlinOffice, "2026-01-15T07:00:00Z", false),
                at("09:00 CET in winter is 08:00 UTC", berlinOffice, "2026-01-15T08:00:00Z", true),
                at("Sunday 22:00 in New York is Monday in UTC", period().weekdays(0, 0).in(ZoneId.of("America/New_York")),
                        "2026-11-23T03:00:00Z", true),

                at("spring forward: 01:59 CET, before the gap", berlinTwoAm, "2026-03-29T00:59:00Z", false),
                at("spring forward: the next minute is 03:00 CEST, 02:xx never happens",
                        berlinTwoAm, "2026-03-29T01:00:00Z", false),
                at("fall back: first 02:30 (CEST)", berlinTwoAm, "2026-10-25T00:30:00Z", true),
                at("fall back: second 02:30 (CET)", berlinTwoAm, "2026-10-25T01:30:00Z", true),
                at("fall back: 03:00 CET", berlinTwoAm, "2026-10-25T02:00:00Z", false),
                at("last day of March in Berlin is the 31st, DST or not", lastDay.in(BERLIN),
                        "2026-03-31T12:00:00Z", true),
                at("30 March 22:30 UTC is already 31 March in Berlin", period().days(-1, -1).in(BERLIN),
                        "2026-03-30T22:30:00Z", true),

                at("an empty period contains every instant", period(), "1999-12-31T23:59:59Z", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldContainExactlyTheInstantsAlertmanagerWould(String why, Period period, Instant instant, boolean contained) {
        assertThat(TimeIntervals.contains(period, instant)).as(why).isEqualTo(contained);
    }

    @Test
    void shouldContainAnInstantInAnyOfItsPeriods() {
        TimeInterval weekend = new TimeInterval("weekend-nights", List.of(
                period().weekdays(6, 6).times("22:00", "24:00").build(),
                period().weekdays(0, 0).times("00:00", "06:00").build()));

        assertThat(TimeIntervals.contains(weekend, Instant.parse("2026-11-21T23:00:00Z"))).isTrue();
        assertThat(TimeIntervals.contains(weekend, Instant.parse("2026-11-22T05:00:00Z"))).isTrue();
        assertThat(TimeIntervals.contains(weekend, Instant.parse("2026-11-22T23:00:00Z"))).isFalse();
        assertThat(TimeIntervals.contains(weekend, Instant.parse("2026-11-21T05:00:00Z"))).isFalse();
    }

    @Test
    void shouldContainNothingWithoutPeriods() {
        assertThat(TimeIntervals.contains(new TimeInterval("never", List.of()), Instant.parse("2026-11-23T10:00:00Z")))
                .isFalse();
    }
}
