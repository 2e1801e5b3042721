package dev.slopipeline.router.routing.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoStringsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"plain\"            | plain",
        "\"tab\\there\"        | 'tab\there'",
        "\"\\x41\\101\\u00e9\"  | AAé",
        "\"\\\\d+\"            | \\d+",
    })
    void shouldUnquoteGoLiterals(String literal, String expected) {
        assertThat(GoStrings.unquote(literal)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"\\'\"        | invalid escape \\' (write \\\\ for a backslash, e.g. \"\\\\d+\" for a regex digit)",
        "\"\\x4\"       | escape \\x needs 2 hex digits",
        "\"\\ud800\"    | escape \\ud800 is not a Unicode character",
        "\"\\400\"      | octal escape \\400 needs 3 octal digits up to \\377",
    })
    void shouldRefuseWhatGoRefuses(String literal, String message) {
        assertThatThrownBy(() -> GoStrings.unquote(literal)).hasMessage(message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "'a\"b\\c'        | \"a\\\"b\\\\c\"",
        "'🙂 Σ'           | \"🙂 Σ\"",
    })
    void shouldQuoteLikeStrconvQuote(String text, String expected) {
        assertThat(GoStrings.quote(text)).isEqualTo(expected);
        assertThat(GoStrings.quote("line\nbreak\u0001\u200b")).isEqualTo("\"line\\nbreak\\x01\\u200b\"");
    }
}
