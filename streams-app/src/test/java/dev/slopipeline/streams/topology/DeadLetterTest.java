package dev.slopipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.kit.deadletter.DeadLetterHeaders;
import dev.slopipeline.streams.metrics.TopologyMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad record goes to the dead-letter topic as it came, with the reason and its origin; nothing stops. */
class DeadLetterTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] request(Instant time) {
        return Pipeline.EVENTS.encode(new RequestEvent(time, "checkout-api", "POST /checkout", 200, RequestEvent.NO_LATENCY, 1, Map.of()));
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                Arguments.of("not JSON", utf8("checkout ok"), "malformed",
                        "not JSON: Unrecognized token 'checkout': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false') at line 1 column 1"),
                Arguments.of("a missing field", utf8("{\"timestamp\":\"2026-03-02T11:59:00Z\",\"service\":\"checkout-api\",\"status\":200}"),
                        "missing-field", "field \"operation\" is required"),
                Arguments.of("a field of the wrong type",
                        utf8("{\"timestamp\":\"2026-03-02T11:59:00Z\",\"service\":\"checkout-api\",\"operation\":\"POST /checkout\",\"status\":\"ok\"}"),
                        "wrong-type", "field \"status\": expected an integer, got string \"ok\""),
                Arguments.of("an impossible value",
                        utf8("{\"timestamp\":\"2026-03-02T11:59:00Z\",\"service\":\"checkout-api\",\"operation\":\"POST /checkout\",\"status\":700}"),
                        "invalid-value", "field \"status\": 700 is outside 100..599"),
                Arguments.of("a timestamp far in the future", request(NOW.plus(Duration.ofHours(3)).plusSeconds(30)), "future-timestamp",
                        "field \"timestamp\": 2026-03-02T15:00:30Z is too far in the future: 3h ahead of the pipeline clock "
                                + "2026-03-02T12:00:00Z, at most 1h allowed"),
                Arguments.of("a timestamp older than any window", request(NOW.minus(Duration.ofDays(40))), "stale-timestamp",
                        "field \"timestamp\": 2026-01-21T12:00:00Z is too old: 40d behind the pipeline clock "
                                + "2026-03-02T12:00:00Z, at most 35d allowed"),
                Arguments.of("bytes that are not UTF-8", new byte[] {'{', (byte) 0xff, '}'}, "not-utf8",
                        "not UTF-8: invalid byte sequence at offset 1"),
                Arguments.of("no value", null, "no-value", "the record has no value: expected one JSON event"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void shouldRefuseToTheDeadLetterTopicWithTheReasonAndGoOn(String name, byte[] value, String reasonClass, String reason) {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), NOW, Shop.folder(Shop.CHECKOUT)).wallClockFixed()) {
            pipeline.rawRequest(utf8("checkout-api"), request(NOW.minusSeconds(30)));

            pipeline.rawRequest(utf8("checkout-api"), value);
            pipeline.rawRequest(utf8("checkout-api"), request(NOW.minusSeconds(20)));

            List<TestRecord<byte[], byte[]>> letters = pipeline.deadLetters();
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter.key()).isEqualTo(utf8("checkout-api"));
                assertThat(letter.value()).isEqualTo(value);
                assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(reason);
                assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo("slo.events.requests");
                assertThat(header(letter, DeadLetterHeaders.PARTITION)).isEqualTo("0");
                assertThat(header(letter, DeadLetterHeaders.OFFSET)).isEqualTo("1");
            });
            assertThat(pipeline.counter(TopologyMetrics.DEAD_LETTERED, "reason", reasonClass)).isEqualTo(1);
            assertThat(pipeline.counter(TopologyMetrics.CLASSIFIED, "kind", "requests")).as("the events around it count").isEqualTo(2);
        }
    }

    @Test
    void shouldRefuseABadHealthEventAndKeepItsHeaders() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), NOW, Shop.folder(Shop.CHECKOUT)).wallClockFixed()) {
            byte[] probe = utf8("{\"timestamp\":\"2026-03-02T11:59:00Z\",\"service\":\"payments\",\"check\":\"db-ping\",\"status\":\"down\"}");

            pipeline.rawHealth(null, probe);

            assertThat(pipeline.deadLetters()).singleElement().satisfies(letter -> {
                assertThat(letter.key()).isNull();
                assertThat(header(letter, DeadLetterHeaders.REASON))
                        .isEqualTo("field \"status\": expected one of \"pass\", \"warn\", \"fail\", got string \"down\"");
                assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo("slo.events.health");
            });
        }
    }

    @Test
    void shouldCountEventsThatNoSloSelects() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), NOW, Shop.folder(Shop.CHECKOUT)).wallClockFixed()) {
            pipeline.request(NOW.minusSeconds(5), "search-api", "GET /search", 200, 1);

            assertThat(pipeline.counter(TopologyMetrics.UNMATCHED, "kind", "requests")).isEqualTo(1);
            assertThat(pipeline.deadLetters()).isEmpty();
        }
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
