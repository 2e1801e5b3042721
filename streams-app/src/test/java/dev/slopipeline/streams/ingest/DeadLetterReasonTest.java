package dev.slopipeline.streams.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadLetterReasonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not UTF-8: invalid byte sequence at offset 3                 | not-utf8",
        "not JSON: empty record                                       | malformed",
        "expected a JSON object, got an array                         | malformed",
        "duplicate field \"status\"                                   | malformed",
        "field \"service\" is required                                | missing-field",
        "field \"status\": expected an integer, got string \"abc\"    | wrong-type",
        "field \"count\": 0 is outside 1..1000000000                  | invalid-value"})
    void shouldClassifyTheCodecsReasons(String reason, String tag) {
        assertThat(DeadLetterReason.ofCodecReason(reason.strip()).tag()).isEqualTo(tag);
    }
}
