package dev.slopipeline.router.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrometheusDurationTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "0,        PT0S",
        "0s,       PT0S",
        "30s,      PT30S",
        "5m,       PT5M",
        "4h,       PT4H",
        "1d,       PT24H",
        "1w,       PT168H",
        "1y,       PT8760H",
        "1h30m,    PT1H30M",
        "2d12h,    PT60H",
        "1s500ms,  PT1.5S",
        "90m,      PT1H30M",
    })
    void shouldReadPrometheusDurations(String text, Duration expected) {
        assertThat(PrometheusDuration.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "1.5h", "5M", "1m1h", "1h1h", "-5m", "5 m", "1d 2h", "300y"})
    void shouldRefuseWhatPrometheusRefuses(String text) {
        assertThatThrownBy(() -> PrometheusDuration.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "5  | \"5\" is not a duration: write whole numbers with units y, w, d, h, m, s or ms, largest first, e.g. 30s, 5m, 4h or 1h30m (a number needs a unit, e.g. 5s or 5m)",
        "300y | duration \"300y\" is too long (at most about 292 years)",
    })
    void shouldSayWhatWouldBeRight(String text, String message) {
        assertThatThrownBy(() -> PrometheusDuration.parse(text)).hasMessage(message);
    }
}
