package dev.slopipeline.definitions.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An SLO's indicator: source, match entries, good and warn. See {@link ValidSlo} for the lines changed. */
class IndicatorRulesTest {

    private static final String INDICATOR = "  indicator:";
    private static final String MATCH = "    match: [{service: checkout-api}]";
    private static final String GOOD = "    good: {status: {below: 500}}";

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("unknown source", List.of(INDICATOR, INDICATOR + "\n    source: metrics"), List.of(
                        "slo.yaml:7:13: unknown indicator source \"metrics\"; use requests (request events) or health (synthetic probes)")),
                Arguments.of("misspelt source", List.of(INDICATOR, INDICATOR + "\n    source: helth"), List.of(
                        "slo.yaml:7:13: unknown indicator source \"helth\"; did you mean \"health\"?")),
                Arguments.of("missing match", List.of(MATCH, "    # no match"), List.of(
                        "slo.yaml:8:5: the indicator is missing the required field \"match\"; list the events of the journey, "
                                + "e.g. match: [{service: checkout-api, operation: \"POST /checkout\"}]")),
                Arguments.of("empty match", List.of(MATCH, "    match: []"), List.of(
                        "slo.yaml:7:12: match must list at least one event selector, "
                                + "e.g. - {service: checkout-api, operation: \"POST /checkout\"}")),
                Arguments.of("match that is not a list", List.of(MATCH, "    match: {service: checkout-api}"), List.of(
                        "slo.yaml:7:12: \"match\" in the indicator must be a list, got a map")),
                Arguments.of("match entry without service", List.of(MATCH, "    match: [{operation: \"POST /checkout\"}]"), List.of(
                        "slo.yaml:7:13: match entry 1 is missing the required field \"service\"; "
                                + "name the emitting service, e.g. service: checkout-api")),
                Arguments.of("match entry that is not a map", List.of(MATCH, "    match: [checkout-api]"), List.of(
                        "slo.yaml:7:13: match entry 1 must be a map, got the string \"checkout-api\"")),
                Arguments.of("check with source requests",
                        List.of(MATCH, "    match: [{service: checkout-api, check: synthetic-checkout}]"), List.of(
                        "slo.yaml:7:37: \"check\" is for source health; a requests indicator selects events by \"operation\"")),
                Arguments.of("operation with source health",
                        List.of(MATCH, "    match: [{service: login, operation: \"POST /login\"}]", GOOD, "    source: health"), List.of(
                        "slo.yaml:7:30: \"operation\" is for source requests; a health indicator selects probes by \"check\"")),
                Arguments.of("invalid regex",
                        List.of(MATCH, "    match: [{service: payments, operation: {regex: \"POST /charge(\"}}]"), List.of(
                        "slo.yaml:7:52: invalid regular expression \"POST /charge(\": missing closing )")),
                Arguments.of("regex with Java's look-ahead, which RE2 lacks",
                        List.of(MATCH, "    match: [{service: payments, operation: {regex: \"POST /(?!internal).*\"}}]"), List.of(
                        "slo.yaml:7:52: invalid regular expression \"POST /(?!internal).*\": invalid or unsupported Perl"
                                + " syntax: `(?!` (Go's RE2 syntax, as in Prometheus and Alertmanager, has no look-around)")),
                Arguments.of("regex with an escape only Java knows",
                        List.of(MATCH, "    match: [{service: payments, operation: {regex: 'POST\\h/charge'}}]"), List.of(
                        "slo.yaml:7:52: invalid regular expression \"POST\\h/charge\": invalid escape sequence: `\\h`")),
                Arguments.of("regex nesting repetitions past Go's limit",
                        List.of(MATCH, "    match: [{service: payments, operation: {regex: \"(POST{100}){100}\"}}]"), List.of(
                        "slo.yaml:7:52: invalid regular expression \"(POST{100}){100}\": invalid repeat count: nested"
                                + " counted repetitions make more than 1000 copies of what they repeat")),
                Arguments.of("misspelt regex",
                        List.of(MATCH, "    match: [{service: payments, operation: {regexp: \"POST /charge.*\"}}]"), List.of(
                        "slo.yaml:7:44: \"operation\" in match entry 1 is missing the required field \"regex\"; e.g. {regex: \"POST /charge.*\"}",
                        "slo.yaml:7:45: unknown field \"regexp\" in \"operation\" in match entry 1; did you mean \"regex\"?")),
                Arguments.of("attributes that are not a map",
                        List.of(MATCH, "    match: [{service: checkout-api, attributes: [eu]}]"), List.of(
                        "slo.yaml:7:49: \"attributes\" in match entry 1 must be a map, got a list")),
                Arguments.of("requests without good", List.of(GOOD, "    # no good"), List.of(
                        "slo.yaml:7:5: the indicator is missing the required field \"good\"; a requests indicator needs "
                                + "a status rule, a latency bound or both, e.g. good: {status: {below: 500}}")),
                Arguments.of("health with good", List.of(INDICATOR, INDICATOR + "\n    source: health"), List.of(
                        "slo.yaml:9:5: \"good\" is for source requests; a health indicator counts pass as good and fail as bad, "
                                + "and warn as \"warn\" says (good, bad or ignored)")),
                Arguments.of("requests with warn", List.of(GOOD, GOOD + "\n    warn: bad"), List.of(
                        "slo.yaml:9:5: \"warn\" is for source health; a requests indicator judges events by \"good\"")),
                Arguments.of("invalid warn", List.of(INDICATOR, INDICATOR + "\n    source: health", GOOD, "    warn: maybe"), List.of(
                        "slo.yaml:9:11: warn must be good, bad or ignored, got \"maybe\"")),
                Arguments.of("empty good", List.of(GOOD, "    good: {}"), List.of(
                        "slo.yaml:8:11: good needs a status rule, a latency bound or both, "
                                + "e.g. {status: {below: 500}} or {latency_ms: {atMost: 300}}")),
                Arguments.of("status without a rule", List.of(GOOD, "    good: {status: {}}"), List.of(
                        "slo.yaml:8:20: status needs one of below, in or notIn, e.g. {below: 500}")),
                Arguments.of("status with two rules", List.of(GOOD, "    good: {status: {below: 500, in: [200]}}"), List.of(
                        "slo.yaml:8:33: status must use only one of below, in or notIn, got below and in")),
                Arguments.of("misspelt status rule", List.of(GOOD, "    good: {status: {bellow: 500}}"), List.of(
                        "slo.yaml:8:21: unknown field \"bellow\" in status; did you mean \"below\"?")),
                Arguments.of("status bound outside 100..599", List.of(GOOD, "    good: {status: {below: 700}}"), List.of(
                        "slo.yaml:8:28: status codes run from 100 to 599, got 700")),
                Arguments.of("empty code list", List.of(GOOD, "    good: {status: {in: []}}"), List.of(
                        "slo.yaml:8:25: \"in\" must list at least one status code, e.g. in: [200, 204]")),
                Arguments.of("code outside 100..599 in a list", List.of(GOOD, "    good: {status: {notIn: [500, 99]}}"), List.of(
                        "slo.yaml:8:34: status codes run from 100 to 599, got 99")),
                Arguments.of("latency bound of 0", List.of(GOOD, "    good: {latency_ms: {atMost: 0}}"), List.of(
                        "slo.yaml:8:33: atMost must be above 0 milliseconds, got 0")),
                Arguments.of("latency without atMost", List.of(GOOD, "    good: {latency_ms: {max: 300}}"), List.of(
                        "slo.yaml:8:24: latency_ms is missing the required field \"atMost\"; "
                                + "the slowest good response in milliseconds, e.g. {atMost: 300}",
                        "slo.yaml:8:25: unknown field \"max\" in latency_ms; known fields: atMost")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldReportTheMistakeWhereItIs(String rule, List<String> change, List<String> expected) {
        assertThat(ValidSlo.problemsWith(change.toArray(String[]::new))).containsExactlyElementsOf(expected);
    }
}
