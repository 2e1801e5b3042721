package dev.slopipeline.router.delivery.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.delivery.DeliveryOutcome;
import dev.slopipeline.router.delivery.RetryState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutcomeCodecTest {

    private static final OutcomeCodec CODEC = new OutcomeCodec();
    private static final SchemaCheck SCHEMA = SchemaCheck.of("/schema/delivery-outcome.schema.json");
    private static final String GROUP = "{}:{journey=\"checkout\"}";
    private static final Instant AT = Instant.parse("2026-11-23T10:05:00.125Z");

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of(new DeliveryOutcome.Delivered("i-1#0", GROUP, "team-shop#0", 3, AT, Duration.ofMillis(87)),
                        """
                        {"outcome":"delivered","groupKey":"{}:{journey=\\"checkout\\"}","receiver":"team-shop",\
                        "integration":0,"attempts":3,"at":"2026-11-23T10:05:00.125Z","latencyMs":87}"""),
                Arguments.of(new DeliveryOutcome.Retrying("i-1#1", GROUP, "pager#1", 2, AT, Duration.ofMillis(5001),
                                "HTTP 503: busy", new RetryState("backup#0", 2, 0, AT.plusSeconds(4), "HTTP 503: busy")),
                        """
                        {"outcome":"retrying","groupKey":"{}:{journey=\\"checkout\\"}","receiver":"pager",\
                        "integration":1,"attempts":2,"at":"2026-11-23T10:05:00.125Z","latencyMs":5001,\
                        "lastError":"HTTP 503: busy","next":{"receiver":"backup","integration":0,\
                        "attemptsOnReceiver":0,"at":"2026-11-23T10:05:04.125Z"}}"""),
                Arguments.of(new DeliveryOutcome.FailedPermanently("i-2#0", GROUP, "team-shop#0", 1, AT, "HTTP 404"),
                        """
                        {"outcome":"failed","groupKey":"{}:{journey=\\"checkout\\"}","receiver":"team-shop",\
                        "integration":0,"attempts":1,"at":"2026-11-23T10:05:00.125Z","lastError":"HTTP 404"}"""),
                Arguments.of(new DeliveryOutcome.FailedPermanently("i-3", GROUP, "team-shoe", 0, AT,
                                "no receiver named team-shoe"),
                        """
                        {"outcome":"failed","groupKey":"{}:{journey=\\"checkout\\"}","receiver":"team-shoe",\
                        "attempts":0,"at":"2026-11-23T10:05:00.125Z","lastError":"no receiver named team-shoe"}"""),
                Arguments.of(new DeliveryOutcome.FailedPermanently("router.notifications-0@17", null, null, 0, AT,
                                "not JSON"),
                        """
                        {"outcome":"failed","attempts":0,"at":"2026-11-23T10:05:00.125Z","lastError":"not JSON"}"""),
                Arguments.of(new DeliveryOutcome.Superseded("i-4#0", GROUP, "team-shop#0", 1, AT, "i-5#0"),
                        """
                        {"outcome":"superseded","groupKey":"{}:{journey=\\"checkout\\"}","receiver":"team-shop",\
                        "integration":0,"attempts":1,"at":"2026-11-23T10:05:00.125Z","supersededBy":"i-5#0"}"""));
    }

    @ParameterizedTest
    @MethodSource("outcomes")
    void shouldWriteEachOutcomeExactlyAndReadItBack(DeliveryOutcome outcome, String json) {
        byte[] encoded = CODEC.encode(outcome);

        assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(CODEC.decode(outcome.idempotencyKey(), encoded)).isEqualTo(new Decoded.Ok<>(outcome));
        assertThat(SCHEMA.violations(encoded)).isEmpty();
    }

    @Test
    void shouldNameTheContentDeliveredUnderTheKeyAndStillReadRecordsThatDoNot() {
        DeliveryOutcome outcome = new DeliveryOutcome.Delivered("i-1#0", GROUP, "team-shop#0", 1, AT,
                Duration.ofMillis(87));
        OutcomeCodec.Recorded recorded = new OutcomeCodec.Recorded(outcome, "3fa2b1c4d5e6f708a9b0c1d2e3f40516");

        byte[] encoded = CODEC.encode(recorded);

        assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo("""
                {"outcome":"delivered","groupKey":"{}:{journey=\\"checkout\\"}","receiver":"team-shop",\
                "integration":0,"content":"3fa2b1c4d5e6f708a9b0c1d2e3f40516","attempts":1,\
                "at":"2026-11-23T10:05:00.125Z","latencyMs":87}""");
        assertThat(CODEC.decodeRecorded("i-1#0", encoded)).isEqualTo(new Decoded.Ok<>(recorded));
        assertThat(CODEC.decode("i-1#0", encoded)).isEqualTo(new Decoded.Ok<>(outcome));
        assertThat(SCHEMA.violations(encoded)).isEmpty();
        assertThat(CODEC.decodeRecorded("i-1#0", CODEC.encode(outcome)))
                .as("a record written before outcomes named their content")
                .isEqualTo(new Decoded.Ok<>(new OutcomeCodec.Recorded(outcome, null)));
    }

    @Test
    void shouldKeepOnlyWholeMillisecondsOfLatency() {
        DeliveryOutcome outcome = new DeliveryOutcome.Delivered("i#0", GROUP, "r#0", 1, AT, Duration.ofNanos(2_999_999));

        assertThat(CODEC.decode("i#0", CODEC.encode(outcome)))
                .isEqualTo(new Decoded.Ok<>(new DeliveryOutcome.Delivered("i#0", GROUP, "r#0", 1, AT,
                        Duration.ofMillis(2))));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("{\"outcome\":\"lost\",\"attempts\":1,\"at\":\"2026-11-23T10:05:00Z\"}",
                        "\"outcome\" must be \"delivered\", \"retrying\", \"failed\" or \"superseded\", got \"lost\""),
                Arguments.of("{\"outcome\":\"delivered\",\"groupKey\":\"g\",\"attempts\":1,"
                        + "\"at\":\"2026-11-23T10:05:00Z\",\"latencyMs\":1}", "field \"receiver\" is required"),
                Arguments.of("{\"outcome\":\"retrying\",\"groupKey\":\"g\",\"receiver\":\"r\",\"attempts\":1,"
                        + "\"at\":\"2026-11-23T10:05:00Z\",\"latencyMs\":1,\"lastError\":\"x\"}",
                        "field \"next\" is required"),
                Arguments.of("{\"outcome\":\"delivered\",\"attempts\":-1,\"at\":\"2026-11-23T10:05:00Z\"}",
                        "field \"attempts\": expected a whole number from 0 up, got number -1"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void shouldSayWhyARecordCannotBeRead(String json, String reason) {
        assertThat(CODEC.decode("k#0", json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new Decoded.Invalid<DeliveryOutcome>(reason));
    }
}
