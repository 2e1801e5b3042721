package dev.slopipeline.definitions.openslo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.model.Budgeting;
import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.Grouping;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.Indicator.WarnCounts;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.model.SloWindow.CalendarPeriod;
import dev.slopipeline.definitions.model.StatusRule;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One OpenSLO field at a time, each in an otherwise valid SLO: what it maps to, or exactly what is said
 * about it. Tables quote with {@code "} because messages contain apostrophes.
 */
class OpenSloMappingTest {

    private static final List<EventMatcher> CHECKOUT = List.of(new EventMatcher("checkout-api", null, Map.of()));
    private static final String NEXT_LINE = "\n              ";

    /** An SLO whose window, budgeting, objective and numerator side are given; line 18 holds the criteria. */
    private static String slo(String window, String method, String objective, String role, String source, String criteria) {
        return """
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: checkout}
                spec:
                  service: storefront
                  timeWindow: %s
                  budgetingMethod: %s
                  objectives: [%s]
                  indicator:
                    spec:
                      ratioMetric:
                        %s:
                          metricSource:
                            type: slo-pipeline
                            spec:
                              source: %s
                              match: [{service: checkout-api}]
                              %s
                        total:
                          metricSource:
                            type: slo-pipeline
                            spec:
                              source: %s
                              match: [{service: checkout-api}]
                """.formatted(window, method, objective, role, source, criteria, source);
    }

    private static String withWindow(String window) {
        return slo(window, "Occurrences", "{target: 0.999}", "good", "requests", "status: {below: 500}");
    }

    private static String withObjective(String method, String objective) {
        return slo("[{duration: 28d}]", method, objective, "good", "requests", "status: {below: 500}");
    }

    private static String withCriteria(String role, String source, String criteria) {
        return slo("[{duration: 28d}]", "Occurrences", "{target: 0.999}", role, source, criteria);
    }

    private static String withAnnotations(String annotations) {
        return withWindow("[{duration: 28d}]").replace("metadata: {name: checkout}",
                "metadata: {name: checkout, annotations: {" + annotations + "}}");
    }

    @Test
    void shouldSplitAnSloByItsAnnotations() {
        SloDefinition slo = Translation.ofText(withAnnotations(
                "slo-pipeline/groupBy: \"region, service\", slo-pipeline/maxSeries: \"50\", team: shop")).onlySlo();

        assertThat(slo.grouping()).isEqualTo(new Grouping(List.of("region", "service"), 50));
    }

    @Test
    void shouldLeaveAnSloWithoutTheAnnotationsWhole() {
        assertThat(Translation.ofText(withAnnotations("team: shop")).onlySlo().grouping()).isEqualTo(Grouping.none());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "slo-pipeline/groupBy: \"region, region\" | test.yaml:3:64: groupBy names \"region\" twice",
            "slo-pipeline/groupBy: tier | test.yaml:3:64: groupBy field \"tier\" would become the label \"tier\", which every SLO alert or series already carries; split by another attribute",
            "slo-pipeline/groupBy: region, slo-pipeline/maxSeries: lots | test.yaml:3:96: annotation slo-pipeline/maxSeries must be a whole number such as \"1000\", got \"lots\"",
    })
    void shouldCheckTheAnnotationsAsOurOwnGroupBy(String annotations, String expected) {
        assertThat(Translation.ofText(withAnnotations(annotations)).problems()).containsExactly(expected);
    }

    static Stream<Arguments> windows() {
        return Stream.of(
                Arguments.of("[{duration: 28d, isRolling: true}]", new SloWindow.Rolling(Duration.ofDays(28))),
                Arguments.of("[{duration: 30d}]", new SloWindow.Rolling(Duration.ofDays(30))),
                Arguments.of("[{duration: 2w, isRolling: true}]", new SloWindow.Rolling(Duration.ofDays(14))),
                Arguments.of("[{duration: 12h, isRolling: true}]", new SloWindow.Rolling(Duration.ofHours(12))),
                Arguments.of("[{duration: 1M, isRolling: false}]", new SloWindow.Calendar(CalendarPeriod.MONTH, ZoneOffset.UTC)),
                Arguments.of("[{duration: 1M, calendar: {timeZone: America/New_York}}]",
                        new SloWindow.Calendar(CalendarPeriod.MONTH, ZoneId.of("America/New_York"))),
                Arguments.of("[{duration: 1w, isRolling: false, calendar: {startTime: 2024-01-01 00:00:00}}]",
                        new SloWindow.Calendar(CalendarPeriod.WEEK, ZoneOffset.UTC)),
                Arguments.of("[{duration: 1M, calendar: {startTime: \"2024-03-01\", timeZone: Asia/Tokyo}}]",
                        new SloWindow.Calendar(CalendarPeriod.MONTH, ZoneId.of("Asia/Tokyo"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void shouldMapTimeWindows(String timeWindow, SloWindow expected) {
        assertThat(Translation.ofText(withWindow(timeWindow)).onlySlo().window()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "[{duration: 1Y, isRolling: true}] | test.yaml:6:27: timeWindow duration \"1Y\" counts years, which slo-pipeline does not support: use a calendar month (1M with isRolling: false), a calendar week (1w) or a rolling window such as 28d or 90d",
            "[{duration: 2M, isRolling: false}] | test.yaml:6:27: a calendar window must be 1M (a month) or 1w (a week from Monday), got \"2M\"; for other lengths use a rolling window (isRolling: true)",
            "[{duration: 28 days}] | test.yaml:6:27: timeWindow duration \"28 days\" is not an OpenSLO duration: write a whole number and one unit of m, h, d, w, M, Q or Y (e.g. 28d, 1M)",
            "[{duration: 0d}] | test.yaml:6:27: duration \"0d\" must be longer than zero",
            "[{duration: 28d, isRolling: true, calendar: {timeZone: UTC}}] | test.yaml:6:49: a rolling window has no calendar: remove calendar, or set isRolling: false for a calendar-aligned window",
            "[{duration: 28d}, {duration: 1M}] | test.yaml:6:15: timeWindow of SLO \"checkout\" must hold exactly one window, got 2",
            "[{duration: 1M, calendar: {timeZone: Mars/Base}}] | test.yaml:6:52: timeZone \"Mars/Base\" is not an IANA time zone name (e.g. UTC, Europe/Berlin, America/New_York)",
            "[{duration: 1M, calendar: {startTime: 2024-01-15 00:00:00}}] | test.yaml:6:53: calendar startTime \"2024-01-15 00:00:00\" does not start a month: slo-pipeline's calendar months start at 00:00 on the 1st in the window's timeZone (e.g. 2024-01-01 00:00:00)",
            "[{duration: 1w, calendar: {startTime: 2024-01-02 00:00:00}}] | test.yaml:6:53: calendar startTime \"2024-01-02 00:00:00\" does not start a week: slo-pipeline's calendar weeks start at 00:00 on Monday in the window's timeZone (e.g. 2024-01-01 00:00:00)",
            "[{duration: 1w, calendar: {startTime: next monday}}] | test.yaml:6:53: calendar startTime \"next monday\" must be a date and time such as 2024-01-01 00:00:00",
    })
    void shouldExplainWindowsThatCannotBeMapped(String timeWindow, String expected) {
        assertThat(Translation.ofText(withWindow(timeWindow)).problems()).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Occurrences | {target: 0.9995}                                           | 99.95",
            "Occurrences | {targetPercent: 99.9, displayName: Checkout succeeds}       | 99.9",
            "Timeslices  | {target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: 1m} | 99.0",
            "TimeSlices  | {target: 0.99, timeSliceTarget: 1, timeSliceWindow: 1}     | 99.0",
    })
    void shouldMapTheObjective(String method, String objective, double percent) {
        SloDefinition slo = Translation.ofText(withObjective(method, objective)).onlySlo();

        assertThat(slo.objectivePercent()).isEqualTo(percent);
        assertThat(slo.budgeting()).isInstanceOf(method.equals("Occurrences") ? Budgeting.Occurrences.class : Budgeting.Timeslices.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Occurrences | {target: 0.999, targetPercent: 99.9} | test.yaml:8:32: the objective of SLO \"checkout\" has both target and targetPercent: write one of them (target: 0.999 is targetPercent: 99.9)",
            "Occurrences | {target: 99.9} | test.yaml:8:25: target must be above 0 and below 1 (0.999 means 99.9 %), got 99.9",
            "Occurrences | {targetPercent: 100} | test.yaml:8:32: targetPercent must be above 0 and below 100, got 100",
            "Occurrences | {target: 0.999, op: lte} | test.yaml:8:32: \"op\" is for thresholdMetric SLIs, which slo-pipeline does not support; a ratioMetric objective needs only target or targetPercent",
            "Occurrences | {target: 0.999, timeSliceTarget: 0.95} | test.yaml:8:32: timeSliceTarget applies only to budgetingMethod: Timeslices",
            "RatioTimeslices | {target: 0.999} | test.yaml:7:20: budgetingMethod must be Occurrences or Timeslices, got \"RatioTimeslices\"",
            "Timeslices | {target: 0.999, timeSliceTarget: 0.95} | test.yaml:8:16: the objective of SLO \"checkout\" needs timeSliceWindow: 1m with budgetingMethod: Timeslices",
            "Timeslices | {target: 0.999, timeSliceWindow: 1m} | test.yaml:8:16: the objective of SLO \"checkout\" needs timeSliceTarget with budgetingMethod: Timeslices (e.g. timeSliceTarget: 0.95)",
            "Timeslices | {target: 0.999, timeSliceTarget: 95, timeSliceWindow: 1m} | test.yaml:8:49: timeSliceTarget must be above 0 and at most 1 (0.95: a minute is good when 95 % of its events are), got 95",
            "Timeslices | {target: 0.999, timeSliceTarget: 0.9, timeSliceWindow: 5m} | test.yaml:8:71: timeSliceWindow must be 1m: slo-pipeline judges time slices of one minute, got the string \"5m\"",
    })
    void shouldExplainObjectivesThatCannotBeMapped(String method, String objective, String expected) {
        assertThat(Translation.ofText(withObjective(method, objective)).problems()).containsExactly(expected);
    }

    static Stream<Arguments> requestCriteria() {
        return Stream.of(
                Arguments.of("good", "status: {notIn: [500, 503]}", new StatusRule.NoneOf(Set.of(500, 503)), OptionalDouble.empty()),
                Arguments.of("good", "status: {in: [200, 200, 204]}", new StatusRule.AnyOf(Set.of(200, 204)), OptionalDouble.empty()),
                Arguments.of("good", "latency_ms: {atMost: 250.5}", null, OptionalDouble.of(250.5)),
                Arguments.of("good", "status: {below: 500}" + NEXT_LINE + "latency_ms: {atMost: 800}", new StatusRule.Below(500), OptionalDouble.of(800)),
                Arguments.of("bad", "status: {atLeast: 500}", new StatusRule.Below(500), OptionalDouble.empty()),
                Arguments.of("bad", "status: {in: [500, 502, 503]}", new StatusRule.NoneOf(Set.of(500, 502, 503)), OptionalDouble.empty()),
                Arguments.of("bad", "status: {notIn: [200, 201]}", new StatusRule.AnyOf(Set.of(200, 201)), OptionalDouble.empty()),
                Arguments.of("bad", "latency_ms: {above: 800}", null, OptionalDouble.of(800)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("requestCriteria")
    void shouldMapRequestCriteriaToGoodCriteria(String role, String criteria, StatusRule status, OptionalDouble latencyAtMost) {
        SloDefinition slo = Translation.ofText(withCriteria(role, "requests", criteria)).onlySlo();

        assertThat(slo.indicator()).isEqualTo(new Indicator.Requests(CHECKOUT, status, latencyAtMost));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "good | # no status          | GOOD",
            "good | status: pass         | BAD",
            "good | status: [pass, warn] | GOOD",
            "bad  | # no status          | GOOD",
            "bad  | status: fail         | GOOD",
            "bad  | status: [fail, warn] | BAD",
    })
    void shouldMapProbeResultsToHowWarnCounts(String role, String criteria, WarnCounts warn) {
        SloDefinition slo = Translation.ofText(withCriteria(role, "health", criteria)).onlySlo();

        assertThat(slo.indicator()).isEqualTo(new Indicator.Health(CHECKOUT, warn));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "bad | requests | status: {below: 400} | test.yaml:18:24: bad status {below: N} has no exact equivalent: slo-pipeline's good criteria cannot say \"at least N\"; list the codes with in or notIn instead",
            "bad | requests | latency_ms: {atMost: 800} | test.yaml:18:28: bad latency_ms {atMost: X} has no exact equivalent: slo-pipeline bounds the latency of good events; write bad: {latency_ms: {above: X}} or good: {latency_ms: {atMost: X}}",
            "bad | requests | # no criteria | test.yaml:16:15: spec of the bad metricSource of the indicator of SLO \"checkout\" needs status or latency_ms: they say which of the selected events are bad",
            "good | requests | # no criteria | test.yaml:16:15: spec of the good metricSource of the indicator of SLO \"checkout\" needs status, latency_ms or both: they say which of the selected events are good",
            "good | requests | status: {below: 500, in: [200]} | test.yaml:18:36: status must use only one of below, in or notIn, got below and in",
            "bad | requests | status: {atLeast: 500, in: [502]} | test.yaml:18:38: status must use only one of atLeast, in or notIn, got atLeast and in",
            "bad | requests | status: {} | test.yaml:18:23: status needs one of atLeast, in or notIn, e.g. {atLeast: 500}",
            "good | requests | status: {in: [200, 700]} | test.yaml:18:34: status codes run from 100 to 599, got 700",
            "good | requests | status: {notIn: []} | test.yaml:18:31: \"notIn\" must list at least one status code, e.g. notIn: [200, 204]",
            "good | requests | latency_ms: {atMost: 0} | test.yaml:18:36: atMost must be above 0 milliseconds, got 0",
            "bad | requests | latency_ms: {above: 0} | test.yaml:18:35: above must be above 0 milliseconds, got 0",
            "good | health | status: fail | test.yaml:18:23: \"status\" in spec of the good metricSource of the indicator of SLO \"checkout\" must be pass, or [pass, warn] to count warn as good, got [fail]",
            "bad | health | status: [fail, pass] | test.yaml:18:23: \"status\" in spec of the bad metricSource of the indicator of SLO \"checkout\" must be fail, or [fail, warn] to count warn as bad, got [fail, pass]",
    })
    void shouldExplainCriteriaThatCannotBeMapped(String role, String source, String criteria, String expected) {
        assertThat(Translation.ofText(withCriteria(role, source, criteria)).problems()).containsExactly(expected);
    }

    @Test
    void shouldPointAtAMisspeltCriterion() {
        String text = withCriteria("good", "requests", "status: {below: 500}" + NEXT_LINE + "latencyMs: {atMost: 800}");

        assertThat(Translation.ofText(text).problems()).containsExactly("test.yaml:19:15: unknown field \"latencyMs\" in spec of "
                + "the good metricSource of the indicator of SLO \"checkout\"; did you mean \"latency_ms\"?");
    }

    @Test
    void shouldRefuseBadCriteriaThatNameBothStatusAndLatency() {
        String text = withCriteria("bad", "requests", "status: {atLeast: 500}" + NEXT_LINE + "latency_ms: {above: 800}");

        assertThat(Translation.ofText(text).problems()).containsExactly("test.yaml:19:15: bad can name one criterion, status or "
                + "latency_ms: to combine them, describe the good events instead (good: {status: {below: 500}, latency_ms: {atMost: 1000}})");
    }

    @Test
    void shouldRefuseAnUnknownSourceOnEverySide() {
        assertThat(Translation.ofText(withCriteria("good", "logs", "status: {below: 500}")).problems()).containsExactly(
                "test.yaml:16:23: \"source\" in spec of the good metricSource of the indicator of SLO \"checkout\" must be requests or health, got \"logs\"",
                "test.yaml:23:23: \"source\" in spec of the total metricSource of the indicator of SLO \"checkout\" must be requests or health, got \"logs\"");
    }
}
