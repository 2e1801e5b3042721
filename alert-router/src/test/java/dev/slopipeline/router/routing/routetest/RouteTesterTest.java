package dev.slopipeline.router.routing.routetest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.routing.route.Route;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@code slo route test --config FILE label=value...} prints, as amtool would. */
class RouteTesterTest {

    private static Route example;

    @BeforeAll
    static void loadExample() throws URISyntaxException {
        example = RouterConfigLoader.load(Path.of(RouteTesterTest.class.getResource("/routing/slo-router.yml").toURI()))
                .orElseThrow().route();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        // nothing but the root matches: the root's receiver alone
        "alertname=SloBurn;                          sre-tickets",
        "'';                                         sre-tickets",
        // continue: the audit log first, then the first page route that matches
        "severity=page,team=payments;                audit-log,payments-pager",
        "severity=page,team=shop;                    audit-log,shop-pager",
        // a page no team route catches stops at the audit log
        "severity=page,team=search;                  audit-log",
        // a child that matches replaces its parent; one that does not leaves it
        "severity=ticket,team=payments;              payments-slack",
        "severity=ticket,team=shop;                  team-slack",
        // anchored regex: team=~"pay.*" does not catch "repay"
        "severity=page,team=repay;                   audit-log",
    })
    void shouldPrintTheReceiversCommaJoinedInTreeOrder(String arguments, String expected) {
        List<String> args = arguments.isEmpty() ? List.of() : List.of(arguments.split(","));

        String printed = RouteTester.receivers(example, LabelArguments.parse(args).labels());

        assertThat(printed).isEqualTo(expected);
    }

    @Test
    void shouldAnswerAmtoolsOwnRoutingTestCases() {
        // cli/testdata/conf.routing.yml and conf.routing-reverted.yml of Alertmanager
        Route routing = load("""
                route:
                  receiver: default
                  routes:
                    - {match_re: {test: '^[12]$'}, receiver: test1, continue: true}
                    - {match: {test: 2}, receiver: test2}
                receivers: [{name: default}, {name: test1}, {name: test2}]
                """);
        Route reverted = load("""
                route:
                  receiver: default
                  routes:
                    - {match: {test: 2}, receiver: test2, continue: true}
                    - {match_re: {test: '^[12]$'}, receiver: test1, continue: true}
                receivers: [{name: default}, {name: test1}, {name: test2}]
                """);

        assertThat(RouteTester.receivers(routing, LabelArguments.parse(List.of("test=1")).labels())).isEqualTo("test1");
        assertThat(RouteTester.receivers(routing, LabelArguments.parse(List.of("test=2")).labels())).isEqualTo("test1,test2");
        assertThat(RouteTester.receivers(reverted, LabelArguments.parse(List.of("test=2")).labels())).isEqualTo("test2,test1");
        assertThat(RouteTester.receivers(routing, LabelArguments.parse(List.of("test=volovina")).labels())).isEqualTo("default");
    }

    @Test
    void shouldRepeatAReceiverReachedByTwoRoutes() {
        Route tree = load("""
                route:
                  receiver: default
                  routes:
                  - {matchers: [a=1], receiver: ops, continue: true}
                  - {matchers: [b=2], receiver: ops}
                receivers: [{name: default}, {name: ops}]
                """);

        assertThat(RouteTester.receivers(tree, LabelArguments.parse(List.of("a=1", "b=2")).labels())).isEqualTo("ops,ops");
    }

    /**
     * Regular expressions in a {@code match_re} route, with the receiver the real amtool (Alertmanager's Go code)
     * picked for an alert whose label {@code x} has the value: {@code hit} for a match, {@code default} for none,
     * {@code refused} when the config does not load. {@link #shouldGiveTheAnswersAmtoolGives} runs amtool on each.
     */
    static Stream<Arguments> regexCases() {
        return Stream.of(
                // where java.util.regex, which the router used before, answered otherwise
                Arguments.of("(?i)é", "É", "hit"),
                Arguments.of("\\s", "\u000B", "default"),
                Arguments.of("\\s", "\f", "hit"),
                Arguments.of("a\\bé", "aé", "hit"),
                Arguments.of("\\101", "A", "hit"),
                Arguments.of("(?x)a b", "ab", "refused"),
                Arguments.of("\\h", "x", "refused"),
                Arguments.of("\\u0041", "A", "refused"),
                Arguments.of("\\Z", "x", "refused"),
                Arguments.of("a(?=b)", "a", "refused"),
                Arguments.of("(a)\\1", "aa", "refused"),
                Arguments.of("a*+", "aa", "refused"),
                Arguments.of("[a&&b]", "&", "hit"),
                Arguments.of("[[:word:]]+", "a_1", "hit"),
                Arguments.of("(?P<n>a)", "a", "hit"),
                Arguments.of("(?i)k", "\u212A", "hit"),
                Arguments.of(".", "\n", "default"),
                // anchoring: match_re is compiled as ^(?:re)$, and that text wrapped once more into a matcher
                Arguments.of("pay", "payments", "default"),
                Arguments.of("a)|(b", "axe", "default"),
                // the limits of Go's parser, which RE2/J lacks and the router adds
                Arguments.of("(a{100}){100}", "a", "refused"),
                Arguments.of("((a{2}){3}){166}", "a".repeat(996), "hit"),
                Arguments.of("(".repeat(1100) + "a" + ")".repeat(1100), "a", "refused"),
                Arguments.of("(?:".repeat(1100) + "a" + ")".repeat(1100), "a", "hit"),
                // backtracks for seconds in java.util.regex; linear in RE2
                Arguments.of("(.*a){8}", "a".repeat(40) + "!", "default"));
    }

    @ParameterizedTest(name = "{0} on \"{1}\" -> {2}")
    @MethodSource("regexCases")
    void shouldRouteRegexesAsAlertmanagerDoes(String regex, String value, String expected) {
        String answer;
        try {
            Route config = load(regexRoute(regex));
            answer = RouteTester.receivers(config, LabelArguments.parse(List.of(labelArgument(value))).labels());
        } catch (IllegalArgumentException refused) {
            assertThat(refused).hasMessageContaining("invalid regular expression");
            answer = "refused";
        }

        assertThat(answer).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on \"{1}\" -> {2}")
    @MethodSource("regexCases")
    void shouldGiveTheAnswersAmtoolGives(String regex, String value, String expected, @TempDir Path folder) {
        Amtool.Answer answer = Amtool.routesTest(folder, regexRoute(regex), List.of(labelArgument(value)));

        if (expected.equals("refused")) {
            assertThat(answer.refused()).as(answer.output()).isTrue();
            assertThat(answer.output()).contains("error parsing regexp");
        } else {
            assertThat(answer.refused()).as(answer.output()).isFalse();
            assertThat(answer.output()).isEqualTo(expected);
        }
    }

    private static String regexRoute(String regex) {
        return """
                route:
                  receiver: default
                  routes:
                    - {match_re: {x: %s}, receiver: hit}
                receivers: [{name: default}, {name: hit}]
                """.formatted(yamlQuoted(regex));
    }

    /** A YAML double-quoted scalar, whose escapes are JSON's. */
    private static String yamlQuoted(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code x="value"}, escaped as both amtool and our label arguments read it. */
    private static String labelArgument(String value) {
        return "x=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static Route load(String yaml) {
        return RouterConfigLoader.parse("test.yml", yaml).orElseThrow().route();
    }
}
