package dev.slopipeline.router.routing.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Re2PatternTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "pay.*;               pay.*",
        "a$;                  a\\z",
        "[$];                 [$]",
        "\\$;                 \\$",
        "(?m)a$;              (?m)a$",
        "[[:alpha:]_]+;       [\\p{Alpha}_]+",
        "[[:^digit:]];        [\\P{Digit}]",
        "[[:word:]];          [\\w]",
        "(?P<team>pay);       (?<team>pay)",
        "[]a];                [\\]a]",
        "[a&&b];              [a\\&\\&b]",
        "[a[b];               [a\\[b]",
        "\\Q(?=x)\\E;         \\Q(?=x)\\E",
    })
    void shouldRewriteRe2IntoTheSameMeaningInJava(String re2, String java) {
        assertThat(Re2Pattern.translate(re2)).isEqualTo(java);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a(?=b)|   invalid regular expression \"a(?=b)\": (?=...) is not part of Go's RE2 syntax (no look-around or atomic groups)",
        "(?<!a)b|  invalid regular expression \"(?<!a)b\": (?<!...) is not part of Go's RE2 syntax (no look-around or atomic groups)",
        "(a)\\1|   invalid regular expression \"(a)\\1\": back-references such as \\1 are not part of Go's RE2 syntax",
        "a*+|      invalid regular expression \"a*+\": possessive quantifiers such as *+ are not part of Go's RE2 syntax",
        "[[:alfa:]]| invalid regular expression \"[[:alfa:]]\": unknown character class [:alfa:]; known: alnum, alpha, ascii, blank, cntrl, digit, graph, lower, print, punct, space, upper, word, xdigit",
        "a\\|      invalid regular expression \"a\\\": trailing backslash",
    })
    void shouldRefuseWhatOnlyJavaAccepts(String re2, String message) {
        assertThatThrownBy(() -> Re2Pattern.compileAnchored(re2)).hasMessage(message);
    }
}
