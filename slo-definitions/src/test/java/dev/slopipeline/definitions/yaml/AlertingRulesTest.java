package dev.slopipeline.definitions.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An SLO's alerting, and its alert pairs as they resolve against the window and objective. Most
 * cases replace line 10 of {@link ValidSlo} ({@code window: 30d}) by a window and an alerting section.
 */
class AlertingRulesTest {

    private static final String WINDOW = "  window: 30d";
    private static final String OBJECTIVE = "  objective: 99.9";

    /** Line 10 becomes the window, line 11 {@code alerting:}, line 12 {@code pairs:}, line 13 the pair. */
    private static List<String> pair(String window, String pair) {
        return List.of(WINDOW, "  window: " + window + "\n  alerting:\n    pairs:\n      " + pair);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("negative minEvents", List.of(WINDOW, WINDOW + "\n  alerting:\n    minEvents: -5"), List.of(
                        "slo.yaml:12:16: minEvents must be 0 or more (events the long window must hold before a pair may fire), got -5")),
                Arguments.of("fractional minEvents", List.of(WINDOW, WINDOW + "\n  alerting:\n    minEvents: 1.5"), List.of(
                        "slo.yaml:12:16: \"minEvents\" in alerting must be a whole number, got the number 1.5")),
                Arguments.of("misspelt alerting field", List.of(WINDOW, WINDOW + "\n  alerting:\n    pair: {}"), List.of(
                        "slo.yaml:12:5: unknown field \"pair\" in alerting; did you mean \"pairs\"?")),
                Arguments.of("long window longer than the SLO window", pair("7d", "page-slow: {longWindow: 8d, shortWindow: 1d}"), List.of(
                        "slo.yaml:13:31: pair \"page-slow\" has a long window of 8d, longer than the SLO window (7d); "
                                + "shorten it, or switch the pair off with page-slow: {enabled: false}")),
                Arguments.of("long window longer than a calendar week",
                        pair("{calendar: week}", "weekly: {severity: notify, longWindow: 14d, shortWindow: 1d, budgetPercent: 50}"), List.of(
                        "slo.yaml:13:46: pair \"weekly\" has a long window of 14d, longer than the SLO window "
                                + "(a calendar week, counted as 7d); shorten it, or switch the pair off with weekly: {enabled: false}")),
                Arguments.of("default pair longer than the SLO window", List.of(WINDOW, "  window: 1d"), List.of(
                        "slo.yaml:10:11: pair \"ticket-slow\" has a long window of 3d, longer than the SLO window (1d); "
                                + "shorten it, or switch the pair off with ticket-slow: {enabled: false}")),
                Arguments.of("short window longer than the long window", pair("30d", "page-fast: {shortWindow: 2h}"), List.of(
                        "slo.yaml:13:32: pair \"page-fast\" has a short window of 2h, not shorter than its long window of 1h; "
                                + "make it about a twelfth of the long window, e.g. shortWindow: 5m")),
                Arguments.of("long window as short as the short window", pair("30d", "page-slow: {longWindow: 30m}"), List.of(
                        "slo.yaml:13:31: pair \"page-slow\" has a short window of 30m, not shorter than its long window of 30m; "
                                + "make it about a twelfth of the long window, e.g. shortWindow: 2m")),
                Arguments.of("budgetPercent of 0", pair("30d", "page-fast: {budgetPercent: 0}"), List.of(
                        "slo.yaml:13:34: budgetPercent must be above 0 and at most 100 (the percent of the window's error "
                                + "budget spent when the pair fires), got 0")),
                Arguments.of("budgetPercent above 100", pair("30d", "page-fast: {budgetPercent: 150}"), List.of(
                        "slo.yaml:13:34: budgetPercent must be above 0 and at most 100 (the percent of the window's error "
                                + "budget spent when the pair fires), got 150")),
                Arguments.of("new pair with a field missing",
                        pair("30d", "weekly-review: {severity: notify, longWindow: 7d, shortWindow: 1d}"), List.of(
                        "slo.yaml:13:7: new pair \"weekly-review\" needs severity, longWindow, shortWindow and budgetPercent; "
                                + "missing: budgetPercent")),
                Arguments.of("misspelt default pair", pair("30d", "page-fsat: {longWindow: 2h}"), List.of(
                        "slo.yaml:13:7: new pair \"page-fsat\" needs severity, longWindow, shortWindow and budgetPercent; "
                                + "missing: severity, shortWindow, budgetPercent (or did you mean the default pair \"page-fast\"?)")),
                Arguments.of("switching off a pair that does not exist", pair("30d", "ticket-slo: {enabled: false}"), List.of(
                        "slo.yaml:13:7: there is no default pair \"ticket-slo\" to switch off (or did you mean the default pair "
                                + "\"ticket-slow\"?); the default pairs are page-fast, page-slow, ticket-fast, ticket-slow")),
                Arguments.of("misspelt severity", pair("30d", "page-fast: {severity: pager}"), List.of(
                        "slo.yaml:13:29: unknown severity \"pager\"; did you mean \"page\"?")),
                Arguments.of("unknown severity", pair("30d", "page-fast: {severity: critical}"), List.of(
                        "slo.yaml:13:29: unknown severity \"critical\"; use page, ticket or notify")),
                Arguments.of("invalid pair duration", pair("30d", "page-fast: {longWindow: 1.5h}"), List.of(
                        "slo.yaml:13:31: duration \"1.5h\" has a fraction: use whole numbers of a smaller unit (1.5h is 90m)")),
                Arguments.of("pair that is not a map", pair("30d", "ticket-slow: false"), List.of(
                        "slo.yaml:13:7: pair \"ticket-slow\" must be a map of fields, e.g. ticket-slow: {longWindow: 2h, "
                                + "shortWindow: 10m} or ticket-slow: {enabled: false}, got the boolean false")),
                Arguments.of("enabled that is not a boolean", pair("30d", "ticket-slow: {enabled: \"off\"}"), List.of(
                        "slo.yaml:13:30: \"enabled\" in pair \"ticket-slow\" must be true or false, got the string \"off\"")),
                Arguments.of("misspelt pair field", pair("30d", "page-fast: {longwindow: 2h}"), List.of(
                        "slo.yaml:13:19: unknown field \"longwindow\" in pair \"page-fast\"; did you mean \"longWindow\"?")),
                Arguments.of("objective too low for a pair", List.of(OBJECTIVE, "  objective: 90"), List.of(
                        "slo.yaml:9:14: warning: objective 90 can never fire page-fast: it needs more than 144 % of events "
                                + "to fail in 1h; switch it off with page-fast: {enabled: false}, or lengthen its windows")),
                Arguments.of("objective too low for a pair, in timeslices",
                        List.of(OBJECTIVE, "  objective: 90", WINDOW, WINDOW + "\n  budgeting: {method: timeslices, sliceTarget: 90}"), List.of(
                        "slo.yaml:9:14: warning: objective 90 can never fire page-fast: it needs more than 144 % of minutes "
                                + "to be bad in 1h; switch it off with page-fast: {enabled: false}, or lengthen its windows")),
                Arguments.of("objective written as a fraction", List.of(OBJECTIVE, "  objective: 0.999"), List.of(
                        "slo.yaml:9:14: warning: objective 0.999 is a percentage, not a fraction: did you mean 99.9?",
                        "slo.yaml:9:14: warning: objective 0.999 can never fire page-fast: it needs more than 1425.61 % of events "
                                + "to fail in 1h; switch it off with page-fast: {enabled: false}, or lengthen its windows",
                        "slo.yaml:9:14: warning: objective 0.999 can never fire page-slow: it needs more than 594.01 % of events "
                                + "to fail in 6h; switch it off with page-slow: {enabled: false}, or lengthen its windows",
                        "slo.yaml:9:14: warning: objective 0.999 can never fire ticket-fast: it needs more than 297 % of events "
                                + "to fail in 1d; switch it off with ticket-fast: {enabled: false}, or lengthen its windows")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldReportTheMistakeWhereItIs(String rule, List<String> change, List<String> expected) {
        assertThat(ValidSlo.problemsWith(change.toArray(String[]::new))).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldNotWarnAboutAPairThatIsSwitchedOff() {
        List<String> problems = ValidSlo.problemsWith(OBJECTIVE, "  objective: 90",
                WINDOW, WINDOW + "\n  alerting:\n    pairs:\n      page-fast: {enabled: false}");

        assertThat(problems).isEmpty();
    }

    @Test
    void shouldStillLoadAnSloWhosePairCanNeverFire() {
        LoadResult result = DefinitionLoader.loadTexts(Map.of("services.yaml", Fixtures.CATALOG,
                "slo.yaml", ValidSlo.TEXT.replace("objective: 99.9", "objective: 90")));

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.warnings()).hasSize(1);
        assertThat(result.definitions().slos()).containsOnlyKeys("checkout-availability");
    }
}
