package dev.slopipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.kit.deadletter.DeadLetterHeaders;
import dev.slopipeline.streams.metrics.TopologyMetrics;
import dev.slopipeline.streams.otlp.SdkSpans;
import dev.slopipeline.streams.otlp.SpanEncoding;
import dev.slopipeline.streams.otlp.SpanInput;
import dev.slopipeline.streams.status.StatusRecord;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.resources.Resource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OpenTelemetry spans on the spans topic, as the Collector's Kafka exporter writes them, are request events: they
 * page, they share a journey's SLI with JSON events, and bad records or spans never stop the stream.
 */
class SpanEventsTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration PRE_SUM_INTERVAL = Duration.ofMillis(100);

    /** A minute's spans of one service as one export request: {@code good} with status 200, {@code bad} with 503. */
    private static byte[] minuteOfSpans(SdkSpans.Wire wire, String service, String route, Instant minute, int good, int bad) {
        try (SdkSpans spans = SdkSpans.of(service)) {
            for (int i = 0; i < good + bad; i++) {
                spans.httpServer("POST", route, i < good ? 200 : 503, minute.plusMillis(500L * i + 250), Duration.ofMillis(40));
            }
            return wire.encode(spans.take());
        }
    }

    @ParameterizedTest
    @EnumSource(SdkSpans.Wire.class)
    void shouldPageOnAnOutageSeenOnlyInSpansSummedBeforeTheRepartitionAsEventsAre(SdkSpans.Wire wire) {
        int minutes = 90;
        int outageFrom = 60;
        int outageTo = 70;
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory().withPreSumInterval(PRE_SUM_INTERVAL), START,
                Shop.folder(Shop.CHECKOUT)).wallClockFixed()) {
            for (int minute = 0; minute < minutes; minute++) {
                Instant minuteStart = START.plus(Duration.ofMinutes(minute));
                pipeline.runWallClockTo(minuteStart.plusSeconds(59));
                pipeline.spans(minuteStart.plusSeconds(59), minuteOfSpans(wire, "checkout-api", "/checkout", minuteStart, 20, 0));
                if (minute >= outageFrom && minute < outageTo) {
                    pipeline.spans(minuteStart.plusSeconds(59), minuteOfSpans(wire, "payments", "/charge/visa", minuteStart, 0, 10));
                }
                pipeline.advanceWallClock(PRE_SUM_INTERVAL);
            }
            pipeline.runWallClockTo(START.plus(Duration.ofMinutes(minutes)));

            Alert page = pipeline.alerts().stream()
                    .filter(alert -> alert.severity() == Severity.PAGE && alert.state() == AlertState.FIRING).findFirst().orElseThrow();
            assertThat(page.slo()).isEqualTo("checkout-availability");
            assertThat(page.at()).isBetween(START.plus(Duration.ofMinutes(outageFrom)), START.plus(Duration.ofMinutes(outageFrom + 1)));
            assertThat(page.contributors()).singleElement()
                    .isEqualTo(new Alert.Contributor("payments", "POST /charge/visa", page.contributors().get(0).bad()));
            List<StatusRecord> statuses = pipeline.statuses();
            StatusRecord last = statuses.get(statuses.size() - 1);
            assertThat(last.counts().bad()).isEqualTo(10L * (outageTo - outageFrom));
            assertThat(last.counts().events()).isEqualTo(20L * minutes + 10L * (outageTo - outageFrom));
            assertThat(pipeline.counter(TopologyMetrics.CLASSIFIED, "kind", "spans")).isEqualTo(last.counts().events());
        }
    }

    @Test
    void shouldCountJsonEventsAndSpansOfOneJourneyInOneSli() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), START, Shop.folder(Shop.CHECKOUT))) {
            for (int minute = 0; minute < 30; minute++) {
                Instant minuteStart = START.plus(Duration.ofMinutes(minute));
                pipeline.request(new RequestEvent(minuteStart.plusSeconds(10), "checkout-api", "POST /checkout", 200, 35.0, 40,
                        Map.of()));
                SdkSpans.Wire wire = minute % 2 == 0 ? SdkSpans.Wire.PROTO : SdkSpans.Wire.JSON;
                pipeline.spans(minuteStart.plusSeconds(30), minuteOfSpans(wire, "payments", "/charge/amex", minuteStart, 8, 2));
            }
            pipeline.advanceWallClock(pipeline.config.statusInterval());

            List<StatusRecord> statuses = pipeline.statuses();
            StatusRecord last = statuses.get(statuses.size() - 1);
            assertThat(last.counts().good()).isEqualTo(30L * (40 + 8));
            assertThat(last.counts().bad()).isEqualTo(30L * 2);
            assertThat(pipeline.counter(TopologyMetrics.CLASSIFIED, "kind", "requests")).isEqualTo(30);
            assertThat(pipeline.counter(TopologyMetrics.CLASSIFIED, "kind", "spans")).isEqualTo(30 * 10);
        }
    }

    static Stream<Arguments> badRecords() {
        byte[] proto = minuteOfSpans(SdkSpans.Wire.PROTO, "payments", "/charge/visa", START, 1, 0);
        byte[] json = minuteOfSpans(SdkSpans.Wire.JSON, "payments", "/charge/visa", START, 1, 0);
        return Stream.of(
                Arguments.of("truncated protobuf", SpanEncoding.AUTO, Arrays.copyOf(proto, proto.length - 5), "malformed",
                        "not OTLP protobuf: While parsing a protocol message, the input ended unexpectedly"),
                Arguments.of("JSON that is no export request", SpanEncoding.AUTO,
                        utf8("{\"timestamp\":\"2026-03-02T11:59:00Z\",\"service\":\"payments\",\"status\":200}"), "malformed",
                        "not OTLP JSON: "),
                Arguments.of("JSON with the encoding pinned to protobuf", SpanEncoding.OTLP_PROTO, json, "malformed",
                        "not OTLP protobuf: "),
                Arguments.of("protobuf with the encoding pinned to JSON", SpanEncoding.OTLP_JSON, proto, "malformed",
                        "not OTLP JSON: "),
                Arguments.of("no value", SpanEncoding.AUTO, null, "no-value",
                        "the record has no value: expected one OTLP export request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void shouldRefuseARecordThatIsNotOtlpToTheDeadLetterTopicAndGoOn(String name, SpanEncoding encoding, byte[] value,
                                                                       String reasonClass, String reasonStart) {
        TopologyConfig config = Scenarios.inMemory().withSpans(SpanInput.defaults().withEncoding(encoding));
        Instant now = START.plus(Duration.ofMinutes(5));
        SdkSpans.Wire wire = encoding == SpanEncoding.OTLP_JSON ? SdkSpans.Wire.JSON : SdkSpans.Wire.PROTO;
        try (Pipeline pipeline = Pipeline.withFolder(config, now, Shop.folder(Shop.CHECKOUT)).wallClockFixed()) {
            pipeline.spans(now, minuteOfSpans(wire, "payments", "/charge/visa", START.plus(Duration.ofMinutes(1)), 3, 0));

            pipeline.spans(now, value);
            pipeline.spans(now, minuteOfSpans(wire, "payments", "/charge/visa", START.plus(Duration.ofMinutes(2)), 3, 0));

            List<TestRecord<byte[], byte[]>> letters = pipeline.deadLetters();
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter.value()).isEqualTo(value);
                assertThat(header(letter, DeadLetterHeaders.REASON)).startsWith(reasonStart);
                assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(SpanInput.DEFAULT_TOPIC);
                assertThat(header(letter, DeadLetterHeaders.OFFSET)).isEqualTo("1");
            });
            assertThat(pipeline.counter(TopologyMetrics.DEAD_LETTERED, "reason", reasonClass)).isEqualTo(1);
            assertThat(pipeline.counter(TopologyMetrics.CLASSIFIED, "kind", "spans")).as("the spans around it count").isEqualTo(6);
        }
    }

    @Test
    void shouldCountUnusableSpansAndKeepTheOthersOfTheirRecord() {
        Instant now = START.plus(Duration.ofDays(40));
        List<io.opentelemetry.sdk.trace.data.SpanData> spans;
        try (SdkSpans nameless = SdkSpans.of(Resource.empty()); SdkSpans payments = SdkSpans.of("payments")) {
            nameless.httpServer("POST", "/charge/visa", 200, now.minusSeconds(5), Duration.ofMillis(3))
                    .httpServer("POST", "/charge/visa", 200, now.minusSeconds(4), Duration.ofMillis(3));
            payments.httpServer("POST", "/charge/visa", 200, now.minus(Duration.ofDays(36)), Duration.ofMillis(3))
                    .httpServer("POST", "/charge/visa", 200, now.plus(Duration.ofHours(2)), Duration.ofMillis(3))
                    .span(SpanKind.SERVER, "POST", now.minusSeconds(3), Duration.ofMillis(3), StatusCode.UNSET,
                            Attributes.builder().put("http.request.method", "POST").put("http.response.status_code", 999).build())
                    .httpServer("POST", "/charge/visa", 503, now.minusSeconds(2), Duration.ofMillis(3));
            spans = Stream.concat(nameless.take().stream(), payments.take().stream()).toList();
        }
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), now, Shop.folder(Shop.CHECKOUT)).wallClockFixed()) {
            pipeline.spans(now, SdkSpans.Wire.PROTO.encode(spans));

            assertThat(pipeline.deadLetters()).as("the record is valid OTLP").isEmpty();
            assertThat(pipeline.counter(TopologyMetrics.SPANS_UNUSABLE, "reason", "no-service-name")).isEqualTo(2);
            assertThat(pipeline.counter(TopologyMetrics.SPANS_UNUSABLE, "reason", "stale-timestamp")).isEqualTo(1);
            assertThat(pipeline.counter(TopologyMetrics.SPANS_UNUSABLE, "reason", "future-timestamp")).isEqualTo(1);
            assertThat(pipeline.counter(TopologyMetrics.SPANS_UNUSABLE, "reason", "invalid-value")).isEqualTo(1);
            assertThat(pipeline.counter(TopologyMetrics.CLASSIFIED, "kind", "spans")).isEqualTo(1);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(TestRecord<byte[], byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
