package dev.slopipeline.kit.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.kit.time.Durations.Unit;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

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
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "1.5h", "5M", "1m1h", "1h1h", "-5m", "5 m", "1d 2h", "300y"})
    void shouldRefuseWhatPrometheusRefuses(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "5  | \"5\" is not a duration: write whole numbers with units y, w, d, h, m, s or ms, largest first, e.g. 30s, 5m, 4h or 1h30m (a number needs a unit, e.g. 5s or 5m)",
        "300y | duration \"300y\" is too long (at most about 292 years)",
    })
    void shouldSayWhatWouldBeRight(String text, String message) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessage(message);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "PT0S,      0s",
        "PT30S,     30s",
        "PT1H30M,   1h30m",
        "PT24H,     1d",
        "PT168H,    1w",
        "PT8760H,   1y",
        "PT1.5S,    1s500ms",
        "PT60H,     2d12h",
    })
    void shouldFormatAsPrometheusDoes(Duration duration, String expected) {
        assertThat(Durations.format(duration)).isEqualTo(expected);
        assertThat(Durations.parse(expected)).isEqualTo(duration);
    }

    @Test
    void shouldReadOnlyTheUnitsAsked() {
        Set<Unit> minutesAndUp = EnumSet.of(Unit.WEEKS, Unit.DAYS, Unit.HOURS, Unit.MINUTES);
        assertThat(Durations.read("1d12h", minutesAndUp)).contains(Duration.ofHours(36));
        assertThat(Durations.read("30s", minutesAndUp)).isEmpty();
        assertThat(Durations.read("1y", minutesAndUp)).isEmpty();
        assertThat(Durations.read("", minutesAndUp)).isEmpty();
        assertThat(Durations.read("99999999999999999999m", minutesAndUp).orElseThrow()).isGreaterThan(Duration.ofDays(365 * 1000));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "PT24H,   1d",
        "PT90M,   90m",
        "PT2H,    2h",
        "PT168H,  7d",
    })
    void shouldFormatInTheLargestUnitThatDivides(Duration duration, String expected) {
        assertThat(Durations.formatInOneUnit(duration, EnumSet.of(Unit.DAYS, Unit.HOURS, Unit.MINUTES))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "PT52S,       52s",
        "PT0.4S,      0s",
        "PT4M19S,     4m19s",
        "PT1H0M30S,   1h",
        "PT50H10M,    2d2h",
        "PT1M59.6S,   2m",
    })
    void shouldFormatRoughlyForPeople(Duration duration, String expected) {
        assertThat(Durations.formatRoughly(duration)).isEqualTo(expected);
    }

    @Test
    void shouldTellLeftOutUnitsFromEmptyText() {
        assertThat(Durations.read("5m", EnumSet.of(Unit.HOURS))).isEqualTo(Optional.empty());
    }
}
