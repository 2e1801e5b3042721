package dev.slopipeline.kit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValueTypesTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of(ValueTypes.integer(0, 10), "10", 10),
                Arguments.of(ValueTypes.millis(1, 1000), "250", Duration.ofMillis(250)),
                Arguments.of(ValueTypes.duration(), "1h30m", Duration.ofMinutes(90)),
                Arguments.of(ValueTypes.bool(), "TRUE", true),
                Arguments.of(ValueTypes.path(), "data/router", Path.of("data/router")),
                Arguments.of(ValueTypes.httpUrl(), "https://router.example", URI.create("https://router.example")),
                Arguments.of(Choice.of("exactly_once_v2", "at_least_once"), "at_least_once", "at_least_once"),
                Arguments.of(LoggingKeys.FORMATS, "JSON", "json"),
                Arguments.of(LoggingKeys.LEVELS, "debug", "DEBUG"),
                Arguments.of(LoggingKeys.LEVELS, "Warning", "WARN"));
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void shouldReadWhatItAccepts(ValueType<Object> type, String text, Object value) {
        assertThat(type.parse(text)).isEqualTo(value);
        assertThat(type.parse(type.format(value))).isEqualTo(value);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(ValueTypes.integer(0, 10), "11", "must be a whole number from 0 to 10"),
                Arguments.of(ValueTypes.integer(0, 10), "ten", "must be a whole number from 0 to 10"),
                Arguments.of(ValueTypes.duration(), "0", "must be a duration longer than 0"),
                Arguments.of(ValueTypes.duration(), "90", "must be a duration longer than 0"),
                Arguments.of(ValueTypes.bool(), "yes", "must be true or false"),
                Arguments.of(ValueTypes.httpUrl(), "router.example", "must be an http(s) URL"),
                Arguments.of(Choice.of("exactly_once_v2", "at_least_once"), "exactly_once",
                        "must be exactly_once_v2 or at_least_once"),
                Arguments.of(Choice.of("exactly_once_v2", "at_least_once"), "AT_LEAST_ONCE",
                        "must be exactly_once_v2 or at_least_once"),
                Arguments.of(LoggingKeys.FORMATS, "xml", "must be plain or json (in any case)"),
                Arguments.of(LoggingKeys.LEVELS, "verbose",
                        "must be TRACE, DEBUG, INFO, WARN, ERROR, OFF or ALL (in any case; WARNING means WARN)"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void shouldSayWhatAValueMustBe(ValueType<?> type, String text, String message) {
        assertThatThrownBy(() -> type.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }
}
