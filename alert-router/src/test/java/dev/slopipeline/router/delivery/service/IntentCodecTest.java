package dev.slopipeline.router.delivery.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.delivery.Samples;
import dev.slopipeline.router.notification.Acknowledgement;
import dev.slopipeline.router.notification.Alert;
import dev.slopipeline.router.notification.IntentCodec;
import dev.slopipeline.router.notification.Notification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntentCodecTest {

    private static final IntentCodec CODEC = new IntentCodec();
    private static final SchemaCheck SCHEMA = SchemaCheck.of("/schema/notification-intent.schema.json");

    /** Every optional part present: an acknowledged group with a firing and a resolved alert. */
    static final Notification FULL = Samples.group("intent-1", "team-shop",
            List.of(Samples.availability(AlertState.FIRING), Samples.latency(AlertState.RESOLVED)),
            new Acknowledgement("alice", Instant.parse("2026-11-23T10:07:30.250Z")));

    /** Every optional part absent. */
    static final Notification MINIMAL = new Notification("intent-2", "audit", "{}:{}",
            List.of(new Alert(AlertState.FIRING, Map.of(), Map.of(), Samples.STARTED, null, null, "f1")),
            Map.of(), Map.of(), Map.of(), URI.create("http://router.local"), null, null);

    @Test
    void shouldEncodeTheFullIntentExactly() {
        assertThat(new String(CODEC.encode(FULL), StandardCharsets.UTF_8)).isEqualTo("""
                {"receiver":"team-shop","groupKey":"{}:{journey=\\"checkout\\"}","alerts":[\
                {"status":"firing","labels":{"alertname":"SLOBurnRate","journey":"checkout","service":"storefront",\
                "severity":"page","slo":"checkout-availability","window":"1h"},\
                "annotations":{"budget_remaining":"0.83","burn_rate":"20.1"},"startsAt":"2026-11-23T10:04:00Z",\
                "generatorURL":"https://slo.example/slo/checkout-availability","fingerprint":"5f0e1c6a2b9d4e11"},\
                {"status":"resolved","labels":{"alertname":"SLOBurnRate","journey":"checkout","service":"storefront",\
                "severity":"page","slo":"checkout-latency","window":"6h"},\
                "annotations":{"budget_remaining":"0.91","burn_rate":"7.2"},"startsAt":"2026-11-23T10:06:00Z",\
                "endsAt":"2026-11-23T11:30:00Z","fingerprint":"9a8b7c6d5e4f3021"}],\
                "groupLabels":{"journey":"checkout"},\
                "commonLabels":{"alertname":"SLOBurnRate","journey":"checkout","service":"storefront","severity":"page"},\
                "commonAnnotations":{"runbook_url":"https://runbooks.example/storefront",\
                "summary":"Users cannot check out"},\
                "externalURL":"https://router.example","ackURL":"https://router.example/ack/g-42",\
                "acknowledgement":{"by":"alice","at":"2026-11-23T10:07:30.250Z"}}""");
    }

    @Test
    void shouldReadBackWhatItWrote() {
        assertThat(CODEC.decode("intent-1", CODEC.encode(FULL))).isEqualTo(new Decoded.Ok<>(FULL));
        assertThat(CODEC.decode("intent-2", CODEC.encode(MINIMAL))).isEqualTo(new Decoded.Ok<>(MINIMAL));
    }

    @Test
    void shouldWriteOnlyWhatTheSchemaDescribes() {
        assertThat(SCHEMA.violations(CODEC.encode(FULL))).isEmpty();
        assertThat(SCHEMA.violations(CODEC.encode(MINIMAL))).isEmpty();
    }

    @Test
    void shouldReadAlertmanagersEmptyGeneratorUrlAsNone() {
        String json = new String(CODEC.encode(MINIMAL), StandardCharsets.UTF_8)
                .replace("\"fingerprint\"", "\"generatorURL\":\"\",\"fingerprint\"");

        assertThat(CODEC.decode("intent-2", json.getBytes(StandardCharsets.UTF_8))).isEqualTo(new Decoded.Ok<>(MINIMAL));
    }

    static Stream<Arguments> refused() {
        String minimal = new String(CODEC.encode(MINIMAL), StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of(null, minimal, "the record has no key; the key is the notification's idempotency key"),
                Arguments.of("k", null, "the record has no value"),
                Arguments.of("k", "{\"receiver\":", "not JSON: Unexpected end-of-input within/between Object entries"),
                Arguments.of("k", "[]", "expected a JSON object, got an array"),
                Arguments.of("k", minimal.replace("\"receiver\":\"audit\",", ""), "field \"receiver\" is required"),
                Arguments.of("k", minimal.replace("\"firing\"", "\"pending\""),
                        "\"alerts[0]\": \"status\" must be \"firing\" or \"resolved\", got \"pending\""),
                Arguments.of("k", minimal.replace("\"firing\"", "\"resolved\""), "alert f1 is resolved but has no endsAt"),
                Arguments.of("k", minimal.replace("\"startsAt\":\"2026-11-23T10:04:00Z\"", "\"startsAt\":5"),
                        "field \"alerts[0].startsAt\": expected an ISO-8601 date-time like \"2026-11-23T10:04:00Z\","
                                + " got number 5"),
                Arguments.of("k", minimal.replaceAll("\"alerts\":\\[.*\\],", "\"alerts\":[],"),
                        "notification k for group {}:{} has no alerts; a group is notified only while it holds at"
                                + " least one"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void shouldSayWhyAnIntentCannotBeRead(String key, String value, String reason) {
        byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);

        assertThat(CODEC.decode(key, bytes)).isEqualTo(new Decoded.Invalid<Notification>(reason));
    }
}
