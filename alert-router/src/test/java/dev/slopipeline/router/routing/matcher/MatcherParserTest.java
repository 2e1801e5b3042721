package dev.slopipeline.router.routing.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MatcherParserTest {

    /** Input as written in a config, and the matchers read from it as Alertmanager prints them. */
    static Stream<Arguments> validInputs() {
        return Stream.of(
                Arguments.of("", "{}"),
                Arguments.of("{}", "{}"),
                Arguments.of("{ }", "{}"),
                Arguments.of("{foo=bar}", "foo=\"bar\""),
                Arguments.of("{foo=bar,}", "foo=\"bar\""),
                Arguments.of("{foo!=bar}", "foo!=\"bar\""),
                Arguments.of("{foo=~[a-z]+}", "foo=~\"[a-z]+\""),
                Arguments.of("{foo!~[a-z]+}", "foo!~\"[a-z]+\""),
                Arguments.of("{foo=🙂bar}", "foo=\"🙂bar\""),
                Arguments.of("foo=bar", "foo=\"bar\""),
                Arguments.of("foo=bar,", "foo=\"bar\""),
                Arguments.of("foo=~[a-z]+", "foo=~\"[a-z]+\""),
                Arguments.of("{\"foo\"=\"bar\"}", "foo=\"bar\""),
                Arguments.of("{\"foo\"=~\"[a-z]+\"}", "foo=~\"[a-z]+\""),
                Arguments.of("{\"foo\"=\"\\xf0\\x9f\\x99\\x82\"}", "foo=\"🙂\""),
                Arguments.of("{\"foo\"=\"\\U0001f642\"}", "foo=\"🙂\""),
                Arguments.of("{\"foo\"=\"bar\\n\"}", "foo=\"bar\\n\""),
                Arguments.of("{\"foo\"=\"bar\\t\"}", "foo=\"bar\t\""),
                Arguments.of("{\"foo\"=\"\\\"bar\\\"\"}", "foo=\"\\\"bar\\\"\""),
                Arguments.of("{\"foo\"=\"bar\\\\\"}", "foo=\"bar\\\\\""),
                Arguments.of("{foo=bar,bar!=baz}", "foo=\"bar\",bar!=\"baz\""),
                Arguments.of("foo=\"bar\", bar!=\"baz\"", "foo=\"bar\",bar!=\"baz\""),
                Arguments.of("severity=\"page\"", "severity=\"page\""),
                Arguments.of("team=~\"pay.*\"", "team=~\"pay.*\""),
                Arguments.of(" env=~\"produ.*\"", "env=~\"produ.*\""),
                Arguments.of("{\n   alertname = \"Watchdog\",\n   severity =~ \"warning|critical\",\n}",
                        "alertname=\"Watchdog\",severity=~\"warning|critical\""),
                Arguments.of("\"service name\"=\"api\"", "\"service name\"=\"api\""),
                Arguments.of("quote=\"She said: \\\"Hi, all!\\\"\"", "quote=\"She said: \\\"Hi, all!\\\"\""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validInputs")
    void shouldReadValidMatchersWithoutWarning(String input, String expected) {
        ParsedMatchers parsed = MatcherParser.parse(input);

        assertThat(print(parsed.matchers())).isEqualTo(expected);
        assertThat(parsed.warning()).isEmpty();
    }

    /** Input the UTF-8 syntax refuses, and its explanation. */
    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                Arguments.of(",", "character 1: expected a label name, got \",\""),
                Arguments.of("{,}", "character 2: expected a label name, got \",\""),
                Arguments.of("{", "character 2: the \"{\" at character 1 is never closed; add \"}\" at the end"),
                Arguments.of("}", "character 1: unexpected \"}\" with no \"{\" before it; use both braces or neither"),
                Arguments.of("{foo=bar", "character 9: the \"{\" at character 1 is never closed; add \"}\" at the end"),
                Arguments.of("{foo=bar}}", "character 10: unexpected \"}\" after the closing \"}\""),
                Arguments.of("{foo=:\"bar\"}",
                        "character 7: expected \",\" or \"}\" after a matcher, got \"\"bar\"\" (values containing white space must be double-quoted)"),
                Arguments.of("{foo=\"bar\\w\"}",
                        "character 6: cannot read the quoted string \"bar\\w\": invalid escape \\w (write \\\\ for a backslash, e.g. \"\\\\d+\" for a regex digit)"),
                Arguments.of("{foo=bar\\n}",
                        "character 9: unexpected \"\\\": label names and values containing white space or any of {}!=~,\\\"'` must be double-quoted"),
                Arguments.of("{\"foo\"=\"\\xf0\\x9f\"}",
                        "character 8: cannot read the quoted string \"\\xf0\\x9f\": the escaped bytes are not valid UTF-8"),
                Arguments.of("foo!bar", "character 4: \"!\" must be followed by \"=\" or \"~\" (the operators are =, !=, =~ and !~)"),
                Arguments.of("foo~bar", "character 4: unexpected \"~\"; the regex operators are =~ and !~"),
                Arguments.of("foo", "character 4: expected an operator (=, !=, =~ or !~) after the label name \"foo\", got the end of the text"),
                Arguments.of("foo=\"bar", "character 5: the double quote opened here is never closed"),
                Arguments.of("\"\"=bar", "character 1: the label name is empty"),
                Arguments.of("foo=~\"(\"", "character 6: invalid regular expression \"(\": missing closing )"),
                Arguments.of("foo=~\"a(?=b)\"",
                        "character 6: invalid regular expression \"a(?=b)\": invalid or unsupported Perl syntax: `(?=`"
                                + " (Go's RE2 syntax, as in Prometheus and Alertmanager, has no look-around)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void shouldExplainWhereAndWhyTheUtf8SyntaxRefusesInput(String input, String message) {
        assertThatThrownBy(() -> Utf8MatcherParser.parse(input))
                .isInstanceOf(MatcherSyntaxException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void shouldGiveTheUtf8ExplanationWhenNeitherSyntaxAcceptsTheInput(String input, String message) {
        boolean classicAccepts = ClassicMatcherParser.parse(input).isPresent();

        if (classicAccepts) {
            assertThat(MatcherParser.parse(input).warning()).isPresent();
        } else {
            assertThatThrownBy(() -> MatcherParser.parse(input)).hasMessage(message);
        }
    }

    /** Accepted only by the classic syntax: read anyway, with a warning naming the UTF-8 spelling. */
    static Stream<Arguments> classicOnlyInputs() {
        return Stream.of(
                Arguments.of("foo=", "foo=\"\""),
                Arguments.of("{", "{}"),
                Arguments.of("{foo=bar", "foo=\"bar\""),
                Arguments.of("{foo=bar}}", "foo=\"bar}\""),
                Arguments.of("{foo=bar\\n}", "foo=\"bar\\n\""),
                Arguments.of("foo=bar baz", "foo=\"bar baz\""),
                Arguments.of("foo=~a|b, bar!=x y", "foo=~\"a|b\",bar!=\"x y\""),
                Arguments.of("{foo=\"a\\qb\"}", "foo=\"a\\\\qb\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classicOnlyInputs")
    void shouldFallBackToTheClassicSyntaxWithAWarning(String input, String expected) {
        ParsedMatchers parsed = MatcherParser.parse(input);

        assertThat(print(parsed.matchers())).isEqualTo(expected);
        assertThat(parsed.warning()).contains("matcher '" + input + "' uses the classic syntax that Alertmanager is phasing out; "
                + "it is read as " + expected + ", write it that way (double-quote values and regular expressions)");
    }

    @Test
    void shouldPreferTheClassicReadingWhenTheSyntaxesDisagree() {
        ParsedMatchers parsed = MatcherParser.parse("qux=\"\\xf0\\x9f\\x99\\x82\"");

        assertThat(parsed.matchers()).singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualTo("\\xf0\\x9f\\x99\\x82"));
        assertThat(parsed.warning()).hasValueSatisfying(w -> assertThat(w)
                .startsWith("matcher 'qux=\"\\xf0\\x9f\\x99\\x82\"' reads as qux=\"\\\\xf0\\\\x9f\\\\x99\\\\x82\" in the classic syntax but as qux=\"🙂\""));
    }

    @Test
    void shouldReadOneLabelArgumentLikeAmtool() {
        assertThat(MatcherParser.parseSingle("severity=page").matchers())
                .containsExactly(Matcher.of(MatchType.EQUAL, "severity", "page"));
        assertThat(MatcherParser.parseSingle("summary=\"disk full\"").matchers())
                .containsExactly(Matcher.of(MatchType.EQUAL, "summary", "disk full"));
    }

    @Test
    void shouldRefuseBracesAndSeveralMatchersInOneLabelArgument() {
        assertThatThrownBy(() -> MatcherParser.parseSingle("{a=b}"))
                .hasMessage("character 1: write a single matcher without braces");
        assertThatThrownBy(() -> MatcherParser.parseSingle("a=\"b\",c=\"d\""))
                .hasMessage("character 1: expected one matcher, found 2");
    }

    private static String print(List<Matcher> matchers) {
        if (matchers.isEmpty()) {
            return "{}";
        }
        return matchers.stream().map(Matcher::toString).collect(Collectors.joining(","));
    }
}
