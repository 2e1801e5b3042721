package dev.slopipeline.router.oncall.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected instants are worked out by hand; the comments in schedules.yaml show the working. */
class OnCallTest {

    private static final OnCallConfig CONFIG = OnCallYaml.valid("schedules.yaml", OnCallYaml.resource("oncall/schedules.yaml"));

    @ParameterizedTest(name = "{0} at {1}: {2} from {3} to {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # schedule            | at                   | user  | since                | until
            # weekly rotation, Wednesdays 10:00 Berlin; before the first hand-off nobody is on call
            weekly                | 2026-11-04T08:59:59Z | -     | -                    | 2026-11-04T09:00:00Z
            weekly                | 2026-11-04T09:00:00Z | alice | 2026-11-04T09:00:00Z | 2026-11-11T09:00:00Z
            weekly                | 2026-11-12T00:00:00Z | bob   | 2026-11-11T09:00:00Z | 2026-11-18T09:00:00Z
            weekly                | 2026-11-20T12:00:00Z | carol | 2026-11-18T09:00:00Z | 2026-11-25T09:00:00Z
            weekly                | 2026-11-25T09:00:00Z | alice | 2026-11-25T09:00:00Z | 2026-12-02T09:00:00Z
            # overrides win over the layers; a person's override next to their own turn is one shift
            weekly                | 2026-12-24T12:00:00Z | bob   | 2026-12-23T09:00:00Z | 2026-12-24T17:00:00Z
            weekly                | 2026-12-25T12:00:00Z | dave  | 2026-12-24T17:00:00Z | 2026-12-27T08:00:00Z
            weekly                | 2026-12-29T12:00:00Z | bob   | 2026-12-27T08:00:00Z | 2026-12-31T09:00:00Z
            weekly                | 2026-12-31T09:00:00Z | carol | 2026-12-31T09:00:00Z | 2027-01-06T09:00:00Z
            # a weekly turn across the spring change is 167 hours, across the autumn change 169
            weekly-spring         | 2026-03-30T12:00:00Z | bob   | 2026-03-25T09:00:00Z | 2026-04-01T08:00:00Z
            weekly-spring         | 2026-04-01T08:00:00Z | alice | 2026-04-01T08:00:00Z | 2026-04-08T08:00:00Z
            weekly-autumn         | 2026-10-25T12:00:00Z | alice | 2026-10-21T08:00:00Z | 2026-10-28T09:00:00Z
            weekly-autumn         | 2026-10-28T08:30:00Z | alice | 2026-10-21T08:00:00Z | 2026-10-28T09:00:00Z
            weekly-autumn         | 2026-10-28T09:00:00Z | bob   | 2026-10-28T09:00:00Z | 2026-11-04T09:00:00Z
            # a daily turn in New York is 23 hours in March and 25 in November
            daily-new-york-spring | 2026-03-07T20:00:00Z | ben   | 2026-03-07T14:00:00Z | 2026-03-08T13:00:00Z
            daily-new-york-spring | 2026-03-08T13:00:00Z | ann   | 2026-03-08T13:00:00Z | 2026-03-09T13:00:00Z
            daily-new-york-autumn | 2026-10-31T20:00:00Z | ben   | 2026-10-31T13:00:00Z | 2026-11-01T14:00:00Z
            daily-new-york-autumn | 2026-11-01T13:30:00Z | ben   | 2026-10-31T13:00:00Z | 2026-11-01T14:00:00Z
            # 12-hour shifts keep 08:00 and 20:00: the night shift is 11 hours in spring, 13 in autumn
            twelve-hours-spring   | 2026-03-29T03:00:00Z | bob   | 2026-03-28T19:00:00Z | 2026-03-29T06:00:00Z
            twelve-hours-spring   | 2026-03-29T06:00:00Z | alice | 2026-03-29T06:00:00Z | 2026-03-29T18:00:00Z
            twelve-hours-autumn   | 2026-10-25T01:30:00Z | bob   | 2026-10-24T18:00:00Z | 2026-10-25T07:00:00Z
            # a skipped 02:30 hands off when the clocks jump; a repeated 02:30 hands off the first time
            skipped-handoff       | 2026-03-29T00:59:00Z | bob   | 2026-03-28T01:30:00Z | 2026-03-29T01:00:00Z
            skipped-handoff       | 2026-03-29T01:00:00Z | alice | 2026-03-29T01:00:00Z | 2026-03-30T00:30:00Z
            repeated-handoff      | 2026-10-25T00:29:00Z | bob   | 2026-10-24T00:30:00Z | 2026-10-25T00:30:00Z
            repeated-handoff      | 2026-10-25T01:15:00Z | alice | 2026-10-25T00:30:00Z | 2026-10-26T01:30:00Z
            # the restricted later layer wins in office hours, the earlier one shows through outside them
            follow-the-sun        | 2026-11-02T07:59:00Z | -     | -                    | 2026-11-02T08:00:00Z
            follow-the-sun        | 2026-11-02T09:00:00Z | carol | 2026-11-02T08:00:00Z | 2026-11-02T16:00:00Z
            follow-the-sun        | 2026-11-02T17:00:00Z | alice | 2026-11-02T16:00:00Z | 2026-11-03T08:00:00Z
            follow-the-sun        | 2026-11-03T12:00:00Z | dave  | 2026-11-03T08:00:00Z | 2026-11-03T16:00:00Z
            follow-the-sun        | 2026-11-07T12:00:00Z | alice | 2026-11-06T16:00:00Z | 2026-11-09T08:00:00Z
            # a window ending before it starts runs overnight
            friday-nights         | 2026-11-06T16:00:00Z | -     | -                    | 2026-11-06T17:00:00Z
            friday-nights         | 2026-11-07T07:00:00Z | dave  | 2026-11-06T17:00:00Z | 2026-11-07T08:00:00Z
            friday-nights         | 2026-11-07T09:00:00Z | -     | 2026-11-07T08:00:00Z | 2026-11-13T17:00:00Z
            # restriction windows stay at 09:00-17:00 wall time across the spring change
            office-hours-spring   | 2026-03-27T12:00:00Z | carol | 2026-03-27T08:00:00Z | 2026-03-27T16:00:00Z
            office-hours-spring   | 2026-03-28T12:00:00Z | -     | 2026-03-27T16:00:00Z | 2026-03-30T07:00:00Z
            office-hours-spring   | 2026-03-30T07:30:00Z | carol | 2026-03-30T07:00:00Z | 2026-03-30T15:00:00Z
            # no change of hands within a year either side: the shift has no end to show
            solo                  | 2026-06-01T00:00:00Z | carol | 2026-01-07T09:00:00Z | -
            """)
    void shouldFindWhoIsOnCallAndTheEdgesOfTheirShift(String schedule, Instant at, String user, Instant since, Instant until) {
        Shift shift = OnCall.at(CONFIG.schedule(schedule).orElseThrow(), at);

        assertThat(shift).isEqualTo(new Shift(schedule, Optional.ofNullable(user), Optional.ofNullable(since), Optional.ofNullable(until)));
    }

    @ParameterizedTest(name = "{0} at {1}: next {2} from {3} to {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # schedule     | at                   | user | since                | until
            weekly         | 2026-11-05T00:00:00Z | bob  | 2026-11-11T09:00:00Z | 2026-11-18T09:00:00Z
            weekly         | 2026-12-24T12:00:00Z | dave | 2026-12-24T17:00:00Z | 2026-12-27T08:00:00Z
            follow-the-sun | 2026-11-07T12:00:00Z | dave | 2026-11-09T08:00:00Z | 2026-11-09T16:00:00Z
            # the next shift with someone on call, past the stretch with nobody
            friday-nights  | 2026-11-07T07:00:00Z | dave | 2026-11-13T17:00:00Z | 2026-11-14T08:00:00Z
            friday-nights  | 2026-11-07T09:00:00Z | dave | 2026-11-13T17:00:00Z | 2026-11-14T08:00:00Z
            """)
    void shouldFindTheNextShift(String schedule, Instant at, String user, Instant since, Instant until) {
        Optional<Shift> next = OnCall.next(CONFIG.schedule(schedule).orElseThrow(), at);

        assertThat(next).contains(new Shift(schedule, Optional.of(user), Optional.of(since), Optional.of(until)));
    }

    @Test
    void shouldHaveNoNextShiftWhenNobodyTakesOverWithinTheHorizon() {
        assertThat(OnCall.next(CONFIG.schedule("solo").orElseThrow(), Instant.parse("2026-06-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void shouldListNowAndNextForEverySchedule() {
        var all = OnCall.all(CONFIG, Instant.parse("2026-11-20T12:00:00Z"));

        assertThat(all).hasSize(CONFIG.schedules().size());
        assertThat(all.get(0).now().user()).contains("carol");
        assertThat(all.get(0).next().flatMap(Shift::user)).contains("alice");
        assertThat(all.get(0).next().flatMap(Shift::since)).contains(Instant.parse("2026-11-25T09:00:00Z"));
    }
}
