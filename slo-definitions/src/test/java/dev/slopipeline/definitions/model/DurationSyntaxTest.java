package dev.slopipeline.definitions.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationSyntaxTest {

    @ParameterizedTest(name = "{0} is {1} minutes")
    @CsvSource({
            "5m, 5", "30m, 30", "1h, 60", "6h, 360", "1d, 1440", "3d, 4320", "30d, 43200",
            "2w, 20160", "1h30m, 90", "1d12h, 2160", "1w1d1h1m, 11581", "' 7d ', 10080"
    })
    void shouldParseWholeUnitsLargestFirst(String text, long minutes) {
        assertThat(DurationSyntax.parse(text)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "30M    | ambiguous: M means minutes to some tools and months to others",
            "30s    | finer than a minute",
            "500ms  | finer than a minute",
            "1y     | uses years",
            "30     | has no unit: write 30m, 30h, 30d or 30w",
            "1.5h   | has a fraction: use whole numbers of a smaller unit (1.5h is 90m)",
            "5m1h   | must list each unit once, largest first",
            "1h1h   | must list each unit once, largest first",
            "3x     | unknown unit \"x\"",
            "0m     | must be longer than zero",
            "hour   | is not a duration",
            "-5m    | is not a duration",
            "9999w  | longer than 10 years",
    })
    void shouldRefuseWithAnExplanation(String text, String expected) {
        assertThatThrownBy(() -> DurationSyntax.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0} formats as {1}")
    @CsvSource({"5, 5m", "90, 90m", "60, 1h", "2160, 36h", "1440, 1d", "43200, 30d", "10080, 7d"})
    void shouldFormatInTheLargestExactUnit(long minutes, String expected) {
        assertThat(DurationSyntax.format(Duration.ofMinutes(minutes))).isEqualTo(expected);
        assertThat(DurationSyntax.parse(expected)).isEqualTo(Duration.ofMinutes(minutes));
    }
}
