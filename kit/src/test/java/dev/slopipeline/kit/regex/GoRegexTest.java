package dev.slopipeline.kit.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoRegexTest {

    /**
     * Where java.util.regex, which matched SLO operations and (rewritten) router matchers before, reads an
     * expression otherwise than Go's RE2. The RE2 column is what Go answers (the router's amtool comparison
     * checks the same cases against Alertmanager); the Java column keeps each row honest as a real difference.
     */
    @ParameterizedTest(name = "{0} on \"{1}\": RE2 {2}, java.util.regex {3}")
    @CsvSource(delimiter = '|', value = {
        // Unicode case folding without asking for it
        "(?i)é     | É       | match    | no match",
        // \s is [\t\n\f\r ] in RE2; Java adds the vertical tab
        "\\s       | '\u000B' | no match | match",
        // \b between an ASCII letter and a non-ASCII one: a boundary in RE2, none in Java
        "a\\bé     | aé      | match    | no match",
        // \101 is octal for A in RE2; a back-reference to a group that does not exist in Java
        "\\101     | A       | match    | no match",
        "(?x)a b   | ab      | refused  | match",
        "\\h       | '\t'    | refused  | match",
        "\\u0041   | A       | refused  | match",
        "a(?=b)    | a       | refused  | no match",
        "(a)\\1    | aa      | refused  | match",
        "a*+       | aa      | refused  | match",
        "\\Z       | ''      | refused  | match",
        "[[:word:]]+ | a_1   | match    | no match",
        "(?P<x>a)  | a       | match    | refused",
        "[a&&b]    | &       | match    | no match",
    })
    void shouldReadExpressionsAsGosRe2WhereJavaDiffers(String expression, String text, String re2, String javaUtilRegex) {
        assertThat(answer(() -> GoRegex.wholeText(expression).matches(text))).isEqualTo(re2);
        assertThat(answer(() -> java.util.regex.Pattern.compile(expression).matcher(text).matches())).isEqualTo(javaUtilRegex);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "POST /charge(  | invalid regular expression \"POST /charge(\": missing closing )",
        "a\\h           | invalid regular expression \"a\\h\": invalid escape sequence: `\\h`",
        "a(?=b)         | invalid regular expression \"a(?=b)\": invalid or unsupported Perl syntax: `(?=`"
                + " (Go's RE2 syntax, as in Prometheus and Alertmanager, has no look-around)",
        "(?<!a)b        | invalid regular expression \"(?<!a)b\": invalid named capture"
                + " (Go's RE2 syntax, as in Prometheus and Alertmanager, has no look-around)",
        "(a)\\1         | invalid regular expression \"(a)\\1\": invalid escape sequence: `\\1`"
                + " (Go's RE2 syntax, as in Prometheus and Alertmanager, has no back-references)",
        "a*+            | invalid regular expression \"a*+\": invalid nested repetition operator: `*+`"
                + " (Go's RE2 syntax, as in Prometheus and Alertmanager, has no possessive quantifiers)",
        "[[:alfa:]]     | invalid regular expression \"[[:alfa:]]\": invalid character class range: `[:alfa:]`",
        "a\\            | invalid regular expression \"a\\\": trailing backslash at end of expression",
        "a{100}{100}    | invalid regular expression \"a{100}{100}\": invalid nested repetition operator: `{100}{100}`",
    })
    void shouldSayWhatRe2RefusesAndWhy(String expression, String message) {
        assertThatThrownBy(() -> GoRegex.wholeText(expression)).isInstanceOf(InvalidRegexException.class)
                .hasMessage(message);
    }

    @Test
    void shouldMatchTheWholeTextOrAsALabelMatcherAnchorsIt() {
        assertThat(GoRegex.wholeText("pay").matches("payments")).isFalse();
        assertThat(GoRegex.wholeText("pay.*").matches("payments")).isTrue();
        assertThat(GoRegex.wholeText("a$").matches("a\n")).isFalse();
        assertThat(GoRegex.labelMatcher("pay").matches("payments")).isFalse();
        assertThat(GoRegex.labelMatcher("a$").matches("a\n")).isFalse();
        // Alertmanager wraps the text in ^(?:...)$, so this reads as ^(?:a) or (b)$
        assertThat(GoRegex.labelMatcher("a)|(b").matches("axe")).isTrue();
        assertThatThrownBy(() -> GoRegex.wholeText("a)|(b")).hasMessage("invalid regular expression \"a)|(b\": unexpected )");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "(.*a){8}        | a",
        "(a+)+$          | a",
        "(x+x+)+y        | x",
        "(\\w+\\s?)+$    | a",
    })
    void shouldMatchPatternsThatBacktrackInJavaInLinearTime(String expression, String repeated) {
        // java.util.regex needs about 2 s for (.*a){8} on 41 characters, and its time grows with the eighth power
        // of the length: on 10,000 it would run for longer than the universe has existed
        String text = repeated.repeat(10_000) + "!";

        boolean matched = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> GoRegex.wholeText(expression).matches(text));

        assertThat(matched).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // Go refuses nested counted repetitions beyond 1000 copies; RE2/J would unroll them
        "(a{100}){100}   | invalid repeat count: nested counted repetitions make more than 1000 copies of what they repeat",
        "((a{2}){3}){167}| invalid repeat count: nested counted repetitions make more than 1000 copies of what they repeat",
    })
    void shouldRefuseWhatGosParserRefusesBeyondItsLimits(String expression, String reason) {
        assertThatThrownBy(() -> GoRegex.labelMatcher(expression))
                .isInstanceOfSatisfying(InvalidRegexException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void shouldAcceptNestedRepetitionsUpToAThousandCopies() {
        assertThat(GoRegex.labelMatcher("(a{10}){100}").matches("a".repeat(1000))).isTrue();
        assertThat(GoRegex.labelMatcher("((a{2}){3}){166}").matches("a".repeat(996))).isTrue();
        assertThat(GoRegex.labelMatcher("(a{2}){0,1}(b{1000})?").matches("aa")).isTrue();
    }

    @Test
    void shouldRefuseNestingGoRefusesBeforeItOverflowsTheStack() {
        String deep = "(".repeat(5000) + "a" + ")".repeat(5000);

        assertThatThrownBy(() -> GoRegex.labelMatcher(deep))
                .isInstanceOfSatisfying(InvalidRegexException.class, e -> assertThat(e.reason())
                        .isEqualTo("expression nests too deeply: more than 1000 levels of groups, repetitions and alternatives"));
        assertThat(GoRegex.labelMatcher("(".repeat(500) + "a" + ")".repeat(500)).matches("a")).isTrue();
        // non-capturing groups around one thing leave no level in Go's tree
        assertThat(GoRegex.labelMatcher("(?:".repeat(5000) + "a" + ")".repeat(5000)).matches("a")).isTrue();
    }

    @Test
    void shouldRefuseAnExpressionThatUnrollsPastTheSizeLimitInsteadOfFillingTheHeap() {
        String large = "[a-z]{1000}".repeat(101);

        assertThatThrownBy(() -> GoRegex.labelMatcher(large))
                .isInstanceOfSatisfying(InvalidRegexException.class, e -> assertThat(e.reason()).isEqualTo(
                        "expression too large: its repetitions unroll to more than 100000 instructions;"
                                + " shorten counted repetitions such as {1000}"));
        assertThat(GoRegex.labelMatcher("[a-z]{1000}".repeat(99)).matches("a".repeat(99_000))).isTrue();
        // four levels of a thousand would need gigabytes to compile; refused before compiling
        assertThatThrownBy(() -> GoRegex.labelMatcher("(((a{1000}){1000}){1000}){1000}"))
                .isInstanceOf(InvalidRegexException.class);
    }

    @Test
    void shouldKeepTheExpressionAsWrittenAndCompareByIt() {
        GoRegex regex = GoRegex.labelMatcher("pay.*");

        assertThat(regex.expression()).isEqualTo("pay.*");
        assertThat(regex).hasToString("pay.*").isEqualTo(GoRegex.labelMatcher("pay.*"))
                .isNotEqualTo(GoRegex.wholeText("pay.*"));
    }

    private static String answer(MatchCall call) {
        try {
            return call.matches() ? "match" : "no match";
        } catch (InvalidRegexException | PatternSyntaxException e) {
            return "refused";
        }
    }

    private interface MatchCall {
        boolean matches();
    }
}
