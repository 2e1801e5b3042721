package dev.slopipeline.definitions.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WireDurationsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "PT5M,    5m",
        "PT30M,   30m",
        "PT90M,   90m",
        "PT1H,    1h",
        "PT2H,    2h",
        "PT6H,    6h",
        "PT25H,   25h",
        "PT36H,   36h",
        "PT24H,   1d",
        "PT72H,   3d",
        "PT720H,  30d",
        "PT1441M, 1441m",
        "PT16666666H39M, 999999999m"
    })
    void formatsInTheLargestUnitThatDividesExactly(Duration duration, String text) {
        assertThat(WireDurations.format(duration)).isEqualTo(text);
        assertThat(WireDurations.parse(text)).isEqualTo(duration);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "60m,  PT1H",
        "1440m, PT24H",
        "24h,  PT24H",
        "7d,   PT168H",
        "999999999d, PT23999999976H"
    })
    void parsesNonCanonicalSpellingsToo(String text, Duration expected) {
        assertThat(WireDurations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "m", "5", "0m", "05m", "1.5h", "1w", "30s", "-1h", "1H", " 1h", "1h ", "h1",
        "1000000000m", "1 h", "１h"})
    void refusesEverythingElse(String text) {
        assertThatThrownBy(() -> WireDurations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a duration: \"" + text + "\" (expected a positive whole number followed by m, h or d,"
                        + " e.g. \"5m\", \"1h\", \"30d\")");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PT0S", "-PT5M", "PT90S", "PT1H0.001S", "PT16666666H40M"})
    void formatsOnlyWholeMinutesThatReadBack(Duration duration) {
        assertThatThrownBy(() -> WireDurations.format(duration))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a whole number of minutes from 1 to 999999999: " + duration);
    }
}
