package dev.slopipeline.definitions.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The spec of an SLO outside its indicator and alerting: service, objective, window, budgeting. See {@link ValidSlo}. */
class SloRulesTest {

    @Test
    void shouldAcceptTheValidSlo() {
        assertThat(Fixtures.problemsBesideCatalog(ValidSlo.TEXT)).isEmpty();
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("missing service", "  service: storefront", "  # no service", List.of(
                        "slo.yaml:6:3: the SLO spec is missing the required field \"service\"; "
                                + "name the Service this SLO belongs to, e.g. service: storefront")),
                Arguments.of("service that is not a string", "  service: storefront", "  service: [storefront]", List.of(
                        "slo.yaml:5:12: \"service\" in the SLO spec must be a string, got a list")),
                Arguments.of("misspelt field", "  objective: 99.9", "  objectve: 99.9", List.of(
                        "slo.yaml:5:3: the SLO spec is missing the required field \"objective\"; "
                                + "the target in percent, e.g. objective: 99.9",
                        "slo.yaml:9:3: unknown field \"objectve\" in the SLO spec; did you mean \"objective\"?")),
                Arguments.of("misspelt indicator", "  indicator:", "  indikator:", List.of(
                        "slo.yaml:5:3: the SLO spec is missing the required field \"indicator\"; which events count and "
                                + "which are good, e.g. indicator: {match: [{service: checkout-api}], good: {status: {below: 500}}}",
                        "slo.yaml:6:3: unknown field \"indikator\" in the SLO spec; did you mean \"indicator\"?")),
                Arguments.of("objective that is not a number", "  objective: 99.9", "  objective: 99.9%", List.of(
                        "slo.yaml:9:14: objective (a percentage such as 99.9) must be a number, got the string \"99.9%\"")),
                Arguments.of("objective of 0", "  objective: 99.9", "  objective: 0", List.of(
                        "slo.yaml:9:14: objective must be above 0 and below 100 (a percentage such as 99.9), got 0")),
                Arguments.of("negative objective", "  objective: 99.9", "  objective: -99.9", List.of(
                        "slo.yaml:9:14: objective must be above 0 and below 100 (a percentage such as 99.9), got -99.9")),
                Arguments.of("objective of 100", "  objective: 99.9", "  objective: 100", List.of(
                        "slo.yaml:9:14: objective 100 leaves no error budget, so nothing could ever alert; use e.g. 99.99")),
                Arguments.of("objective above 100", "  objective: 99.9", "  objective: 999", List.of(
                        "slo.yaml:9:14: objective must be above 0 and below 100 (a percentage such as 99.9), got 999")),
                Arguments.of("missing window", "  window: 30d", "  # no window", List.of(
                        "slo.yaml:5:3: the SLO spec is missing the required field \"window\"; "
                                + "e.g. window: 30d, or window: {calendar: month}")),
                Arguments.of("ambiguous duration", "  window: 30d", "  window: 30M", List.of(
                        "slo.yaml:10:11: duration \"30M\" is ambiguous: M means minutes to some tools and months to others; "
                                + "write m for minutes, or use window: {calendar: month} for a calendar month")),
                Arguments.of("duration without a unit", "  window: 30d", "  window: 30", List.of(
                        "slo.yaml:10:11: duration \"30\" has no unit: write 30m, 30h, 30d or 30w")),
                Arguments.of("window that is a list", "  window: 30d", "  window: [30d]", List.of(
                        "slo.yaml:10:11: window must be a duration such as 30d, or a calendar window such as "
                                + "{calendar: month}, got a list")),
                Arguments.of("calendar that is neither month nor week", "  window: 30d", "  window: {calendar: year}", List.of(
                        "slo.yaml:10:22: calendar must be month or week, got \"year\"; "
                                + "for another length use a rolling window such as window: 90d")),
                Arguments.of("calendar window without calendar", "  window: 30d", "  window: {timeZone: UTC}", List.of(
                        "slo.yaml:10:11: window is missing the required field \"calendar\"; month or week, e.g. {calendar: month}")),
                Arguments.of("misspelt time zone", "  window: 30d", "  window: {calendar: month, timeZone: Europe/Berln}", List.of(
                        "slo.yaml:10:39: unknown time zone \"Europe/Berln\"; did you mean \"Europe/Berlin\"?")),
                Arguments.of("unknown time zone", "  window: 30d", "  window: {calendar: week, timeZone: Mars/Olympus_Mons}", List.of(
                        "slo.yaml:10:38: unknown time zone \"Mars/Olympus_Mons\"; "
                                + "use an IANA zone such as Europe/Berlin, America/New_York or UTC")),
                Arguments.of("unknown budgeting method", "  window: 30d", "  window: 30d\n  budgeting: ratio", List.of(
                        "slo.yaml:11:14: unknown budgeting method \"ratio\"; use occurrences, or {method: timeslices, sliceTarget: 95}")),
                Arguments.of("misspelt budgeting method", "  window: 30d", "  window: 30d\n  budgeting: {method: timeslice, sliceTarget: 95}", List.of(
                        "slo.yaml:11:23: unknown budgeting method \"timeslice\"; did you mean \"timeslices\"?")),
                Arguments.of("timeslices without a target", "  window: 30d", "  window: 30d\n  budgeting: timeslices", List.of(
                        "slo.yaml:11:14: budgeting timeslices needs a sliceTarget: write budgeting: {method: timeslices, sliceTarget: 95}")),
                Arguments.of("timeslices map without a target", "  window: 30d", "  window: 30d\n  budgeting: {method: timeslices}", List.of(
                        "slo.yaml:11:14: budgeting method timeslices needs sliceTarget, the percent of good events that makes "
                                + "a minute good, e.g. {method: timeslices, sliceTarget: 95}")),
                Arguments.of("slice target of 0", "  window: 30d", "  window: 30d\n  budgeting: {method: timeslices, sliceTarget: 0}", List.of(
                        "slo.yaml:11:48: sliceTarget must be above 0 and at most 100 (the percent of good events that makes "
                                + "a minute good), got 0")),
                Arguments.of("slice target above 100", "  window: 30d", "  window: 30d\n  budgeting: {method: timeslices, sliceTarget: 100.5}", List.of(
                        "slo.yaml:11:48: sliceTarget must be above 0 and at most 100 (the percent of good events that makes "
                                + "a minute good), got 100.5")),
                Arguments.of("slice target with occurrences", "  window: 30d", "  window: 30d\n  budgeting: {method: occurrences, sliceTarget: 95}", List.of(
                        "slo.yaml:11:36: sliceTarget only applies to method timeslices")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldReportTheMistakeWhereItIs(String rule, String line, String replacement, List<String> expected) {
        assertThat(ValidSlo.problemsWith(line, replacement)).containsExactlyElementsOf(expected);
    }
}
