package dev.slopipeline.streams.evaluate;

import static dev.slopipeline.definitions.model.Severity.PAGE;
import static dev.slopipeline.definitions.model.Severity.TICKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Budgeting;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.policy.BurnRatePolicy;
import dev.slopipeline.streams.evaluate.Scenario.Step;
import dev.slopipeline.streams.window.Recorded;
import dev.slopipeline.streams.window.SloWindows;
import dev.slopipeline.streams.window.WindowPlan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 99.9 % over 30 days with the workbook pairs (page-fast 1h/5m at 14.4, page-slow 6h/30m at 6,
 * ticket-fast 1d/2h at 3, ticket-slow 3d/6h at 1) and 1000 events a minute, evaluated once a minute.
 * Every scenario checks the whole sequence of transitions against the brute-force reference, and
 * spells out the key minutes the definitions imply.
 */
class BurnRateScenarioTest {

    private static final int THIRTY_DAYS = 30 * 24 * 60;
    /** Long enough for the 3-day windows to be full of healthy traffic. */
    private static final int THREE_DAYS_AND_AN_HOUR = (3 * 24 + 1) * 60;

    private static Scenario.Result runAndCheckAgainstReference(Scenario scenario) {
        Scenario.Result result = scenario.run();
        assertThat(result.steps()).isEqualTo(scenario.expectedSteps());
        for (Severity severity : Severity.values()) {
            List<AlertState> states = result.steps(severity).stream().map(Step::state).toList();
            for (int i = 0; i < states.size(); i++) {
                assertThat(states.get(i)).as("%s transition %d: firing and resolved alternate, never repeat", severity, i)
                        .isEqualTo(i % 2 == 0 ? AlertState.FIRING : AlertState.RESOLVED);
            }
        }
        return result;
    }

    /** Thirty healthy days, then an hour in which every event fails, then seven healthy hours. */
    private static Scenario fullOutage() {
        int s = THIRTY_DAYS;
        return new Scenario(Scenario.rolling30d(99.9), Scenario.START, s + 480)
                .traffic(0, s, 1000, 0)
                .traffic(s, s + 60, 0, 1000)
                .traffic(s + 60, s + 480, 1000, 0);
    }

    /** Three healthy days and an hour, then an hour in which every event fails, then no traffic at all for three days. */
    private static Scenario outageThenSilence() {
        int s = THREE_DAYS_AND_AN_HOUR;
        int stop = s + 60;
        // after the outage nothing arrives: the scenario advances the windows with the clock each minute
        return new Scenario(Scenario.rolling30d(99.9), Scenario.START, stop + 3 * 24 * 60 + 10)
                .traffic(0, s, 1000, 0)
                .traffic(s, stop, 0, 1000);
    }

    /** Traffic, and every alert transition it must cause, minute by minute. */
    static Stream<Arguments> transitions() {
        int s = THIRTY_DAYS; // the first bad minute after thirty healthy days
        int t = THREE_DAYS_AND_AN_HOUR; // the first bad minute after three healthy days and an hour
        int stop = t + 60;
        return Stream.of(
                // page-fast: after one bad minute the hour holds 1000 / 60 000 = 1.7 % > 1.44 %, the 5 minutes 20 %
                // ticket: the 1d window (24 h 5 min at s+4, 10-minute buckets) needs > 0.3 %: 5000 / 1 445 000 = 0.35 %;
                //         the 3d window (72 h 5 min, whole hours) needs > 0.1 %: 5000 / 4 325 000 = 0.12 %; both at s+4
                // page resolves once page-slow's 30 minutes are clean (60 + 29 minutes after the start of the outage),
                // ticket once ticket-slow's 6 hours are (60 + 359): their long windows still hold
                Arguments.of("a full outage pages at once and resolves when the short windows are clean", fullOutage(), List.of(
                        new Step(s, PAGE, AlertState.FIRING, List.of("page-fast"), "page-fast"),
                        new Step(s + 4, TICKET, AlertState.FIRING, List.of("ticket-fast", "ticket-slow"), "ticket-fast"),
                        new Step(s + 89, PAGE, AlertState.RESOLVED, List.of(), "page-fast"),
                        new Step(s + 419, TICKET, AlertState.RESOLVED, List.of(), "ticket-fast"))),
                // page-fast needs > 1.44 % over the hour: 2 minutes of 1000 bad of 60 000 is 3.3 %, and already the
                // first minute (1.7 %) fires. page-slow needs > 0.6 % of 6 h: 2000 / 360 000 = 0.56 %, so it never
                // holds; neither do the tickets (0.14 % of a day, 0.05 % of 3 days). The page resolves when the
                // 5-minute window no longer holds minute t+1, at t+6.
                Arguments.of("a two-minute spike pages and resolves when it leaves the five-minute window",
                        new Scenario(Scenario.rolling30d(99.9), Scenario.START, t + 600)
                                .traffic(0, t, 1000, 0)
                                .traffic(t, t + 2, 0, 1000)
                                .traffic(t + 2, t + 600, 1000, 0),
                        List.of(
                                new Step(t, PAGE, AlertState.FIRING, List.of("page-fast"), "page-fast"),
                                new Step(t + 6, PAGE, AlertState.RESOLVED, List.of(), "page-fast"))),
                Arguments.of("an outage after which traffic stops resolves as the wall clock advances the windows",
                        outageThenSilence(), List.of(
                                new Step(t, PAGE, AlertState.FIRING, List.of("page-fast"), "page-fast"),
                                new Step(t + 4, TICKET, AlertState.FIRING, List.of("ticket-fast", "ticket-slow"), "ticket-fast"),
                                new Step(stop + 29, PAGE, AlertState.RESOLVED, List.of(), "page-fast"),
                                new Step(stop + 359, TICKET, AlertState.RESOLVED, List.of(), "ticket-fast"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitions")
    void shouldAlertAtTheMinutesTheDefinitionsImply(String behaviour, Scenario scenario, List<Step> expected) {
        Scenario.Result result = runAndCheckAgainstReference(scenario);

        assertThat(result.steps()).as(behaviour).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldLetPageSlowJoinTheOpenPageOfAFullOutage() {
        int s = THIRTY_DAYS;
        Scenario scenario = fullOutage();

        Scenario.Result result = runAndCheckAgainstReference(scenario);

        // page-slow joins at s+2 (3000 / 360 000 = 0.83 % > 0.6 %) without a second page
        assertThat(result.statusByMinute()[s + 2].severities().get(PAGE))
                .isEqualTo(new SeverityStatus.Firing(scenario.timeOf(s), List.of("page-fast", "page-slow")));
    }

    @Test
    void shouldReportTheTriggeringPairAndTheBudgetWhenItPages() {
        int s = THIRTY_DAYS;
        SloDefinition slo = Scenario.rolling30d(99.9);
        Scenario scenario = new Scenario(slo, Scenario.START, s + 1)
                .traffic(0, s, 1000, 0)
                .traffic(s, s + 1, 0, 1000);

        AlertTransition page = scenario.run().transitions().get(0);

        Scenario.Reference reference = scenario.reference();
        double remaining = 1 - reference.errorRatio(s, Duration.ofDays(30)) / slo.errorBudget();
        double burn1h = reference.errorRatio(s, Duration.ofHours(1)) / slo.errorBudget();
        double burn6h = reference.errorRatio(s, Duration.ofHours(6)) / slo.errorBudget();
        double daysLeft = remaining * 30 / Math.max(burn1h, burn6h);
        assertThat(page.severity()).isEqualTo(PAGE);
        assertThat(page.at()).isEqualTo(scenario.timeOf(s)).isEqualTo(page.startedAt());
        assertThat(page.trigger().orElseThrow().pair().longWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(page.trigger().orElseThrow().pair().factor()).isCloseTo(14.4, within(1e-9));
        assertThat(page.trigger().orElseThrow().longBurnRate()).isCloseTo(burn1h, within(1e-9));
        assertThat(page.trigger().orElseThrow().shortBurnRate()).isCloseTo(reference.errorRatio(s, Duration.ofMinutes(5)) / slo.errorBudget(), within(1e-9));
        // 1000 bad of 43 201 000 in the 30-day window: about 2.3 % of the budget spent
        assertThat(page.budget().remaining()).isCloseTo(remaining, within(1e-12)).isCloseTo(0.977, within(0.001));
        assertThat(page.budget().exhaustionAt().orElseThrow().toEpochMilli())
                .isCloseTo(page.at().toEpochMilli() + Math.round(daysLeft * 86_400_000), within(1L));
    }

    @Test
    void shouldOnlyTicketOnASlowBurn() {
        int s = THREE_DAYS_AND_AN_HOUR;
        // 0.4 %: a burn of 4, above ticket-fast's 3 and ticket-slow's 1, below page-slow's 6. (At exactly
        // 0.3 % ticket-fast would sit on its threshold, where rounding of 1 - 99.9 % decides.)
        Scenario scenario = new Scenario(Scenario.rolling30d(99.9), Scenario.START, s + 2 * 24 * 60)
                .traffic(0, s, 1000, 0)
                .traffic(s, s + 2 * 24 * 60, 996, 4);

        Scenario.Result result = runAndCheckAgainstReference(scenario);

        assertThat(result.steps(PAGE)).isEmpty();
        assertThat(result.steps(TICKET)).hasSize(1);
        assertThat(result.steps(TICKET).get(0).state()).isEqualTo(AlertState.FIRING);
    }

    @Test
    void shouldNotFireBelowTheMinimumOfEvents() {
        int s = THREE_DAYS_AND_AN_HOUR;
        SloDefinition guarded = Scenario.slo(99.9, new SloWindow.Rolling(Duration.ofDays(30)), new Budgeting.Occurrences(), 100_000);
        SloDefinition unguarded = Scenario.slo(99.9, new SloWindow.Rolling(Duration.ofDays(30)), new Budgeting.Occurrences(), 0);

        // 10 events a minute: even the 3-day window holds at most 43 800, below 100 000
        Scenario.Result withGuard = runAndCheckAgainstReference(new Scenario(guarded, Scenario.START, s + 360)
                .traffic(0, s, 10, 0).traffic(s, s + 360, 0, 10));
        Scenario.Result withoutGuard = runAndCheckAgainstReference(new Scenario(unguarded, Scenario.START, s + 360)
                .traffic(0, s, 10, 0).traffic(s, s + 360, 0, 10));

        assertThat(withGuard.steps()).isEmpty();
        assertThat(withoutGuard.steps(PAGE)).isNotEmpty();
    }

    @Test
    void shouldRefuseAndCountEventsLaterThanTheGraceWithoutAlerting() {
        SloDefinition slo = Scenario.rolling30d(99.9);
        AlertEvaluator evaluator = new AlertEvaluator(slo, BurnRatePolicy.pairsFor(slo, 1));
        Instant now = Scenario.START.plus(Duration.ofHours(2));
        SloWindows windows = SloWindows.startAt(evaluator.windowPlan(WindowPlan.DEFAULT_GRACE), Scenario.START);
        for (int minute = 0; minute <= 120; minute++) {
            windows.record(Scenario.START.plus(Duration.ofMinutes(minute)), 1000, 0);
        }

        int late = 0;
        for (int i = 0; i < 50; i++) {
            // three minutes behind a watermark at 02:00 with a grace of two
            late += windows.record(now.minusSeconds(121 + i), 0, 1000) instanceof Recorded.Late ? 1 : 0;
        }
        Evaluation evaluation = evaluator.evaluate(windows.sums(), AlertStates.none());

        assertThat(late).isEqualTo(50);
        assertThat(evaluation.transitions()).isEmpty();
        assertThat(windows.sums().window(Duration.ofHours(1)).bad()).isZero();
    }

    @Test
    void shouldFillTheBudgetAgainOnTheFirstOfTheMonthInTheSloZoneAfterADstChange() {
        SloDefinition slo = Scenario.slo(99.9, new SloWindow.Calendar(SloWindow.CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin")),
                new Budgeting.Occurrences(), 0);
        // March 2026 in Berlin: 2026-02-28T23:00Z to 2026-03-31T22:00Z, 743 hours (summer time from the 29th)
        int march = 743 * 60;
        int outage = 19 * 24 * 60;
        Scenario scenario = new Scenario(slo, Instant.parse("2026-02-28T23:00:00Z"), march + 60)
                .traffic(0, march + 60, 1000, 0)
                .traffic(outage, outage + 20, 0, 1000);

        Scenario.Result result = runAndCheckAgainstReference(scenario);

        SloStatus lastOfMarch = result.statusByMinute()[march - 1];
        SloStatus firstOfApril = result.statusByMinute()[march];
        // 20 000 bad of 44 580 000: 45 % of the budget spent
        assertThat(lastOfMarch.budget().remaining()).isCloseTo(1 - (20_000.0 / 44_580_000) / slo.errorBudget(), within(1e-12));
        assertThat(lastOfMarch.budget().remaining()).isCloseTo(0.551, within(0.001));
        assertThat(lastOfMarch.budget().exhaustionAt()).as("nothing burns in the last hour of March").isEmpty();
        assertThat(firstOfApril.asOf()).isEqualTo(Instant.parse("2026-03-31T22:00:30Z"));
        assertThat(firstOfApril.budget().remaining()).isEqualTo(1.0);
        assertThat(firstOfApril.sli()).hasValue(1.0);
    }

    @Test
    void shouldBurnTimeslicesInBadMinutesNotBadEvents() {
        int s = THREE_DAYS_AND_AN_HOUR;
        int badMinutes = s + 180;
        SloDefinition slo = Scenario.slo(99, new SloWindow.Rolling(Duration.ofDays(30)), new Budgeting.Timeslices(0.95), 0);
        // 3 % errors: every minute still reaches 95 % good, so no budget burns (by events it would burn 3x);
        // then 10 % errors: every minute is bad
        Scenario scenario = new Scenario(slo, Scenario.START, badMinutes + 120)
                .traffic(0, s, 100, 0)
                .traffic(s, badMinutes, 97, 3)
                .traffic(badMinutes, badMinutes + 30, 90, 10)
                .traffic(badMinutes + 30, badMinutes + 120, 100, 0);

        Scenario.Result result = runAndCheckAgainstReference(scenario);

        // page-fast needs > 14.4 × 1 % of the hour's 60 minutes, 8.64: the 9th bad minute fires it
        assertThat(result.steps().get(0)).isEqualTo(new Step(badMinutes + 8, PAGE, AlertState.FIRING, List.of("page-fast"), "page-fast"));
        assertThat(result.statusByMinute()[badMinutes - 1].burnRates().values()).containsOnly(0.0);
        assertThat(result.steps(TICKET)).as("30 bad minutes are under 3 % of a day and 1 % of 3 days").isEmpty();
    }

    @Test
    void shouldReportNoDataOnceTheWallClockHasEmptiedTheWindowsAfterTrafficStops() {
        int stop = THREE_DAYS_AND_AN_HOUR + 60;

        Scenario.Result result = runAndCheckAgainstReference(outageThenSilence());

        SloStatus[] status = result.statusByMinute();
        // the 6h window is minute-exact: empty 360 minutes after the last minute with traffic
        assertThat(status[stop + 358].severities().get(PAGE)).isEqualTo(new SeverityStatus.Ok());
        assertThat(status[stop + 359].severities().get(PAGE)).isEqualTo(new SeverityStatus.NoData());
        // the 3d window keeps whole hours: the hour of the last bad minute leaves 72 h after that hour ends
        int threeDaysAfterTheLastHour = stop + 3 * 24 * 60 - 1;
        assertThat(status[threeDaysAfterTheLastHour - 1].severities().get(TICKET)).isEqualTo(new SeverityStatus.Ok());
        assertThat(status[threeDaysAfterTheLastHour].severities().get(TICKET)).isEqualTo(new SeverityStatus.NoData());
        assertThat(status[threeDaysAfterTheLastHour].sli()).as("the 30-day window still holds the outage").isPresent();
    }
}
