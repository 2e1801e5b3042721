package dev.slopipeline.router.routing.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
