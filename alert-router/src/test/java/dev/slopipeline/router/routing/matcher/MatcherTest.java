package dev.slopipeline.router.routing.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.kit.regex.InvalidRegexException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MatcherTest {

    @ParameterizedTest(name = "{0} {1} {2} on \"{3}\" is {4}")
    @CsvSource(delimiter = ';', value = {
        "team; =; pay; pay; true",
        "team; =; pay; payments; false",
        "team; !=; pay; payments; true",
        "team; !=; ''; ''; false",
        "team; =~; pay; payments; false",
        "team; =~; pay.*; payments; true",
        "team; =~; pay|shop; shop; true",
        "team; =~; pay|shop; shopping; false",
        "team; =~; .*; ''; true",
        "team; !~; .+; ''; true",
        "team; !~; pay.*; payments; false",
        "team; =~; a$; a; true",
        "team; =~; [[:digit:]]+; 123; true",
        "team; =~; [[:digit:]]+; abc; false",
        "team; =~; (?P<t>pay)s; pays; true",
        "team; =~; a)|(b; axe; true",
        // Go's RE2 syntax where Java's differs: POSIX classes, literal [ ] & in sets, \Q...\E, named groups
        "team; =~; [[:alpha:]_]+; pay_x; true",
        "team; =~; [[:^digit:]]; 1; false",
        "team; =~; []a]; ]; true",
        "team; =~; [a&&b]; &; true",
        "team; =~; [a[b]; [; true",
        "team; =~; [$]; $; true",
        "team; =~; \\Q(?=x)\\E; (?=x); true",
        "team; =~; (?P<team>pay); pay; true",
    })
    void shouldCompareLikeAlertmanager(String name, String operator, String value, String labelValue, boolean expected) {
        Matcher matcher = Matcher.of(type(operator), name, value);

        assertThat(matcher.matches(labelValue)).isEqualTo(expected);
    }

    @Test
    void shouldNotLetDollarOrDotMatchAroundATrailingLineBreak() {
        assertThat(Matcher.of(MatchType.REGEX, "x", "a").matches("a\n")).isFalse();
        assertThat(Matcher.of(MatchType.REGEX, "x", "a$").matches("a\n")).isFalse();
        assertThat(Matcher.of(MatchType.REGEX, "x", "a.b").matches("a\rb")).isTrue();
        assertThat(Matcher.of(MatchType.REGEX, "x", "(?m)a$\nb").matches("a\nb")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a(?=b)", "(?<!a)b", "(a)\\1", "a*+", "[[:alfa:]]", "\\h", "(?x)a b"})
    void shouldRefuseWhatOnlyJavaAccepts(String value) {
        assertThatThrownBy(() -> Matcher.of(MatchType.REGEX, "team", value)).isInstanceOf(InvalidRegexException.class)
                .hasMessageStartingWith("invalid regular expression \"" + value + "\": ");
    }

    @Test
    void shouldRefuseATrailingBackslashAsAlertmanagerDoes() {
        // Alertmanager compiles ^(?:a\)$, where the backslash escapes the closing parenthesis
        assertThatThrownBy(() -> Matcher.of(MatchType.REGEX, "team", "a\\"))
                .hasMessage("invalid regular expression \"a\\\": missing closing )");
    }

    @Test
    void shouldTreatAMissingLabelAsTheEmptyString() {
        Matchers matchers = Matchers.of(List.of(
                Matcher.of(MatchType.EQUAL, "env", ""),
                Matcher.of(MatchType.NOT_REGEX, "team", ".+")));

        assertThat(matchers.matches(Map.of("severity", "page"))).isTrue();
        assertThat(matchers.matches(Map.of("env", "prod"))).isFalse();
    }

    @Test
    void shouldPrintSortedByNameThenValueLikeRouteKeys() {
        Matchers matchers = Matchers.of(List.of(
                Matcher.of(MatchType.EQUAL, "owner", "team-A"),
                Matcher.of(MatchType.NOT_EQUAL, "level", "critical")));

        assertThat(matchers).hasToString("{level!=\"critical\",owner=\"team-A\"}");
        assertThat(Matchers.NONE).hasToString("{}");
    }

    @Test
    void shouldQuoteBothSidesWhenTheNameNeedsTheUtf8Syntax() {
        assertThat(Matcher.of(MatchType.EQUAL, "service name", "a\"b\n"))
                .hasToString("\"service name\"=\"a\\\"b\\n\"");
        assertThat(Matcher.of(MatchType.EQUAL, "service", "a\"b\\\n"))
                .hasToString("service=\"a\\\"b\\\\\\n\"");
    }

    private static MatchType type(String operator) {
        for (MatchType type : MatchType.values()) {
            if (type.operator().equals(operator)) {
                return type;
            }
        }
        throw new IllegalArgumentException(operator);
    }
}
