package dev.slopipeline.streams.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.model.DurationSyntax;
import dev.slopipeline.definitions.model.SloWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SloWindowsTest {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

    private static WindowPlan rolling30d(List<Duration> windows) {
        return new WindowPlan(new SliUnit.Events(), WindowPlan.DEFAULT_GRACE, windows, new SloWindow.Rolling(Duration.ofDays(30)));
    }

    private static Instant at(String time) {
        return Instant.parse(time);
    }

    @Test
    void shouldCountGoodAndBadEventsWithTheirMultiplicity() {
        SloWindows windows = SloWindows.startAt(rolling30d(List.of(FIVE_MINUTES)), at("2026-03-02T10:00:00Z"));

        windows.record(at("2026-03-02T10:00:10Z"), 40, 0);
        windows.record(at("2026-03-02T10:00:20Z"), 0, 3);
        windows.record(at("2026-03-02T10:01:00Z"), 7, 1);

        assertThat(windows.sums().window(FIVE_MINUTES)).isEqualTo(new Tally(47, 4, 51));
        assertThat(windows.sums().budget().tally()).isEqualTo(new Tally(47, 4, 51));
        assertThat(windows.sums().asOf()).isEqualTo(at("2026-03-02T10:01:00Z"));
    }

    @Test
    void shouldAddAnEventWithinTheGraceToEveryWindowCoveringItsMinute() {
        SloWindows windows = SloWindows.startAt(rolling30d(List.of(ONE_MINUTE, FIVE_MINUTES)), at("2026-03-02T10:05:30Z"));

        Recorded recorded = windows.record(at("2026-03-02T10:03:59Z"), 0, 2);

        assertThat(recorded).isInstanceOf(Recorded.Accepted.class);
        // the 1m window covers only 10:05; the 5m window covers 10:01 to 10:05
        assertThat(windows.sums().window(ONE_MINUTE)).isEqualTo(Tally.ZERO);
        assertThat(windows.sums().window(FIVE_MINUTES)).isEqualTo(new Tally(0, 2, 2));
        assertThat(windows.sums().budget().tally()).isEqualTo(new Tally(0, 2, 2));
        assertThat(windows.sums().asOf()).as("an older event does not move time back").isEqualTo(at("2026-03-02T10:05:30Z"));
    }

    @Test
    void shouldRefuseAnEventFurtherBehindThanTheGraceAsLate() {
        SloWindows windows = SloWindows.startAt(rolling30d(List.of(FIVE_MINUTES)), at("2026-03-02T10:05:00Z"));

        Recorded recorded = windows.record(at("2026-03-02T10:02:59Z"), 0, 9);

        assertThat(recorded).isEqualTo(new Recorded.Late(at("2026-03-02T10:02:59Z"), at("2026-03-02T10:03:00Z")));
        assertThat(windows.sums().window(FIVE_MINUTES)).isEqualTo(Tally.ZERO);
    }

    @ParameterizedTest(name = "{0}: an event at 10:17 stays until {1}")
    @CsvSource({
            // exact: 10:17 plus 359 minutes
            "6h,  2026-03-02T16:16:00Z",
            // 10-minute buckets: the old edge leaves bucket 10:10-10:19 when W - 1439 passes 10:19
            "1d,  2026-03-03T10:18:00Z",
            // hour buckets: the 72 h window keeps the whole hour 10:00-10:59, so up to 72 h 59 min of data
            "3d,  2026-03-05T10:58:00Z",
            "30d, 2026-04-01T10:58:00Z",
    })
    void shouldHoldAnEventUntilTheWindowsOldEdgeLeavesItsWholeBucket(String window, String lastMinuteHeld) {
        Duration length = DurationSyntax.parse(window);
        SloWindows windows = SloWindows.startAt(rolling30d(List.of(length)), at("2026-03-02T10:17:00Z"));
        windows.record(at("2026-03-02T10:17:30Z"), 0, 1);

        windows.advanceTo(at(lastMinuteHeld));
        Tally held = windows.sums().window(length);
        windows.advanceTo(at(lastMinuteHeld).plus(ONE_MINUTE));
        Tally afterwards = windows.sums().window(length);

        assertThat(held).isEqualTo(new Tally(0, 1, 1));
        assertThat(afterwards).isEqualTo(Tally.ZERO);
    }

    @Test
    void shouldEmptyEveryWindowWhenTimeJumpsPastTheLongestAndCountAgainAfterwards() {
        SloWindows windows = SloWindows.startAt(rolling30d(List.of(FIVE_MINUTES, Duration.ofDays(1), Duration.ofDays(3))),
                at("2026-03-02T10:00:00Z"));
        for (int minute = 0; minute < 600; minute++) {
            windows.record(at("2026-03-02T10:00:00Z").plus(Duration.ofMinutes(minute)), 100, 1);
        }

        windows.record(at("2026-04-20T00:00:00Z"), 5, 0);

        assertThat(windows.sums().windows().values()).containsOnly(new Tally(5, 0, 5));
        assertThat(windows.sums().budget().tally()).isEqualTo(new Tally(5, 0, 5));
    }

    @Test
    void shouldIgnoreAdvancingToAnEarlierTime() {
        SloWindows windows = SloWindows.startAt(rolling30d(List.of(FIVE_MINUTES)), at("2026-03-02T10:05:00Z"));
        windows.record(at("2026-03-02T10:05:00Z"), 1, 1);

        windows.advanceTo(at("2026-03-02T09:00:00Z"));

        assertThat(windows.sums().asOf()).isEqualTo(at("2026-03-02T10:05:00Z"));
        assertThat(windows.sums().window(FIVE_MINUTES)).isEqualTo(new Tally(1, 1, 2));
    }

    @Test
    void shouldAcceptAGraceLongerThanTheCoarseWindows() {
        WindowPlan plan = new WindowPlan(new SliUnit.Events(), Duration.ofHours(13), List.of(Duration.ofHours(12)),
                new SloWindow.Calendar(SloWindow.CalendarPeriod.MONTH, ZoneId.of("UTC")));
        SloWindows windows = SloWindows.startAt(plan, at("2026-03-02T22:00:00Z"));

        Recorded recorded = windows.record(at("2026-03-02T09:05:00Z"), 0, 4);

        assertThat(recorded).isInstanceOf(Recorded.Accepted.class);
        assertThat(windows.sums().window(Duration.ofHours(12))).isEqualTo(Tally.ZERO);
        assertThat(windows.sums().budget().tally()).isEqualTo(new Tally(0, 4, 4));
    }

    @Test
    void shouldJudgeATimesliceAgainWhenEventsWithinTheGraceChangeItsVerdict() {
        WindowPlan plan = new WindowPlan(new SliUnit.Minutes(0.9), WindowPlan.DEFAULT_GRACE, List.of(FIVE_MINUTES),
                new SloWindow.Rolling(Duration.ofDays(30)));
        SloWindows windows = SloWindows.startAt(plan, at("2026-03-02T10:00:00Z"));
        windows.record(at("2026-03-02T10:00:00Z"), 10, 0);
        windows.record(at("2026-03-02T10:01:00Z"), 1, 0);
        Tally beforeLateEvents = windows.sums().window(FIVE_MINUTES);

        // 10 good of 15 is below 90 %: 10:00 turns from a good minute into a bad one
        windows.record(at("2026-03-02T10:00:40Z"), 0, 5);

        assertThat(beforeLateEvents).isEqualTo(new Tally(2, 0, 11));
        assertThat(windows.sums().window(FIVE_MINUTES)).isEqualTo(new Tally(1, 1, 16));
        assertThat(windows.sums().budget().tally()).isEqualTo(new Tally(1, 1, 16));
    }

    @Test
    void shouldStartTheMonthEmptyAtMidnightInTheSloZoneAfterADstChange() {
        WindowPlan plan = new WindowPlan(new SliUnit.Events(), WindowPlan.DEFAULT_GRACE, List.of(FIVE_MINUTES),
                new SloWindow.Calendar(SloWindow.CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin")));
        // Berlin moved to summer time on 2026-03-29: April starts at 2026-03-31T22:00Z
        SloWindows windows = SloWindows.startAt(plan, at("2026-03-31T21:00:00Z"));
        windows.record(at("2026-03-31T21:59:59Z"), 10, 5);
        BudgetWindowSum march = windows.sums().budget();

        windows.record(at("2026-03-31T22:00:00Z"), 1, 0);
        BudgetWindowSum april = windows.sums().budget();

        assertThat(march.tally()).isEqualTo(new Tally(10, 5, 15));
        assertThat(march.from()).isEqualTo(at("2026-02-28T23:00:00Z"));
        assertThat(march.length()).isEqualTo(Duration.ofDays(31).minusHours(1));
        assertThat(april.tally()).isEqualTo(new Tally(1, 0, 1));
        assertThat(april.from()).isEqualTo(at("2026-03-31T22:00:00Z"));
        assertThat(april.resetsAt()).isEqualTo(Optional.of(at("2026-04-30T22:00:00Z")));
        assertThat(windows.sums().window(FIVE_MINUTES)).as("rolling windows do not reset").isEqualTo(new Tally(11, 5, 16));
    }

    @Test
    void shouldKeepALateEventOfThePreviousPeriodOutOfTheNewPeriod() {
        WindowPlan plan = new WindowPlan(new SliUnit.Events(), WindowPlan.DEFAULT_GRACE, List.of(FIVE_MINUTES),
                new SloWindow.Calendar(SloWindow.CalendarPeriod.WEEK, ZoneId.of("America/New_York")));
        // Monday 2026-03-16 00:00 in New York (EDT, UTC-4) is 04:00Z
        SloWindows windows = SloWindows.startAt(plan, at("2026-03-16T04:00:30Z"));

        Recorded recorded = windows.record(at("2026-03-16T03:59:00Z"), 0, 7);

        assertThat(recorded).isInstanceOf(Recorded.Accepted.class);
        assertThat(windows.sums().window(FIVE_MINUTES)).isEqualTo(new Tally(0, 7, 7));
        assertThat(windows.sums().budget().tally()).isEqualTo(Tally.ZERO);
        assertThat(windows.sums().budget().from()).isEqualTo(at("2026-03-16T04:00:00Z"));
        assertThat(windows.sums().budget().length()).isEqualTo(Duration.ofDays(7));
    }
}
