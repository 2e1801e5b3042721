package dev.slopipeline.router.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.router.delivery.DeliveryResult;
import dev.slopipeline.router.delivery.LocalReceiver;
import dev.slopipeline.router.delivery.MutableClock;
import dev.slopipeline.router.delivery.Samples;
import dev.slopipeline.router.delivery.Target;
import dev.slopipeline.router.delivery.http.JsonPoster;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookChannelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HMAC_KEY = "whsec-0123456789abcdef";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:05:00Z"));
    private final WebhookChannel channel = new WebhookChannel(new JsonPoster(JsonPoster.defaultClient(), clock), clock);

    @TempDir
    Path dir;

    @Test
    void shouldPostAlertmanagerVersion4PayloadForAFiringGroup() throws Exception {
        try (LocalReceiver receiver = LocalReceiver.answering(200)) {
            DeliveryResult result = channel.send(Samples.firing("n-1"), Target.of(receiver.url("/hook")));

            assertThat(result).isEqualTo(new DeliveryResult.Accepted(200));
            LocalReceiver.Recorded request = receiver.onlyRequest();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/hook");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("""
                    {
                      "version": "4",
                      "groupKey": "{}:{journey=\\"checkout\\"}",
                      "truncatedAlerts": 0,
                      "status": "firing",
                      "receiver": "team-shop",
                      "groupLabels": {"journey": "checkout"},
                      "commonLabels": {"alertname": "SLOBurnRate", "journey": "checkout", "service": "storefront",
                                       "severity": "page"},
                      "commonAnnotations": {"runbook_url": "https://runbooks.example/storefront",
                                            "summary": "Users cannot check out"},
                      "externalURL": "https://router.example",
                      "alerts": [
                        {
                          "status": "firing",
                          "labels": {"alertname": "SLOBurnRate", "journey": "checkout", "service": "storefront",
                                     "severity": "page", "slo": "checkout-availability", "window": "1h"},
                          "annotations": {"budget_remaining": "0.83", "burn_rate": "20.1"},
                          "startsAt": "2026-11-23T10:04:00Z",
                          "endsAt": "0001-01-01T00:00:00Z",
                          "generatorURL": "https://slo.example/slo/checkout-availability",
                          "fingerprint": "5f0e1c6a2b9d4e11"
                        },
                        {
                          "status": "firing",
                          "labels": {"alertname": "SLOBurnRate", "journey": "checkout", "service": "storefront",
                                     "severity": "page", "slo": "checkout-latency", "window": "6h"},
                          "annotations": {"budget_remaining": "0.91", "burn_rate": "7.2"},
                          "startsAt": "2026-11-23T10:06:00Z",
                          "endsAt": "0001-01-01T00:00:00Z",
                          "generatorURL": "",
                          "fingerprint": "9a8b7c6d5e4f3021"
                        }
                      ]
                    }
                    """));
        }
    }

    @Test
    void shouldPostAlertmanagerVersion4PayloadForAResolvedGroup() throws Exception {
        try (LocalReceiver receiver = LocalReceiver.answering(204)) {
            Notification resolved = Samples.group("n-2", "team-shop",
                    List.of(Samples.availability(AlertState.RESOLVED)), null);

            channel.send(resolved, Target.of(receiver.url("/hook")));

            assertThat(JSON.readTree(receiver.onlyRequest().body())).isEqualTo(JSON.readTree("""
                    {
                      "version": "4",
                      "groupKey": "{}:{journey=\\"checkout\\"}",
                      "truncatedAlerts": 0,
                      "status": "resolved",
                      "receiver": "team-shop",
                      "groupLabels": {"journey": "checkout"},
                      "commonLabels": {"alertname": "SLOBurnRate", "journey": "checkout", "service": "storefront",
                                       "severity": "page"},
                      "commonAnnotations": {"runbook_url": "https://runbooks.example/storefront",
                                            "summary": "Users cannot check out"},
                      "externalURL": "https://router.example",
                      "alerts": [
                        {
                          "status": "resolved",
                          "labels": {"alertname": "SLOBurnRate", "journey": "checkout", "service": "storefront",
                                     "severity": "page", "slo": "checkout-availability", "window": "1h"},
                          "annotations": {"budget_remaining": "0.83", "burn_rate": "20.1"},
                          "startsAt": "2026-11-23T10:04:00Z",
                          "endsAt": "2026-11-23T11:30:00Z",
                          "generatorURL": "https://slo.example/slo/checkout-availability",
                          "fingerprint": "5f0e1c6a2b9d4e11"
                        }
                      ]
                    }
                    """));
        }
    }

    @Test
    void shouldSendTheNotificationsIdempotencyKey() {
        try (LocalReceiver receiver = LocalReceiver.answering(200)) {
            channel.send(Samples.firing("intent-7f3a"), Target.of(receiver.url("/hook")));

            assertThat(receiver.onlyRequest().header("Idempotency-Key")).isEqualTo("intent-7f3a");
        }
    }

    @Test
    void shouldTruncateToMaxAlertsAndCountTheRest() throws Exception {
        try (LocalReceiver receiver = LocalReceiver.answering(200)) {
            channel.send(Samples.firing("n-3"), Target.of(receiver.url("/hook")).withMaxAlerts(1));

            JsonNode body = JSON.readTree(receiver.onlyRequest().body());
            assertThat(body.get("truncatedAlerts").asInt()).isEqualTo(1);
            assertThat(body.get("alerts")).hasSize(1);
            assertThat(body.get("alerts").get(0).get("fingerprint").asText()).isEqualTo("5f0e1c6a2b9d4e11");
        }
    }

    @Test
    void shouldNotSignWithoutASecret() {
        try (LocalReceiver receiver = LocalReceiver.answering(200)) {
            channel.send(Samples.firing("n-4"), Target.of(receiver.url("/hook")));

            assertThat(receiver.onlyRequest().header(WebhookSignature.HEADER)).isNull();
        }
    }

    @Test
    void shouldSignTimestampAndBodySoThatTheReceiverCanVerify() throws Exception {
        Path secretFile = Files.writeString(dir.resolve("hmac"), HMAC_KEY + "\n");
        try (LocalReceiver receiver = LocalReceiver.answering(200)) {
            Target target = Target.of(receiver.url("/hook")).withSecret(Secret.fromFile(secretFile));
            channel.send(Samples.firing("n-5"), target);

            LocalReceiver.Recorded request = receiver.onlyRequest();
            Map<String, String> signature = parse(request.header(WebhookSignature.HEADER));
            assertThat(signature.get("t")).isEqualTo(String.valueOf(clock.instant().getEpochSecond()));
            assertThat(signature.get("v1")).isEqualTo(hmac(HMAC_KEY, signature.get("t") + ".", request.body()));
        }
    }

    @Test
    void shouldChangeTheSignatureWhenTheBodyOrTheTimeChanges() throws Exception {
        Path secretFile = Files.writeString(dir.resolve("hmac"), HMAC_KEY);
        try (LocalReceiver receiver = LocalReceiver.answering(200)) {
            Target target = Target.of(receiver.url("/hook")).withSecret(Secret.fromFile(secretFile));
            channel.send(Samples.firing("n-6"), target);
            channel.send(Samples.resolved("n-6"), target);
            clock.advance(Duration.ofSeconds(1));
            channel.send(Samples.resolved("n-6"), target);

            List<String> v1 = receiver.requests().stream()
                    .map(r -> parse(r.header(WebhookSignature.HEADER)).get("v1"))
                    .toList();
            assertThat(v1).doesNotHaveDuplicates().hasSize(3);
            byte[] firingBody = receiver.requests().get(0).body();
            String resolvedTime = parse(receiver.requests().get(1).header(WebhookSignature.HEADER)).get("t");
            assertThat(hmac(HMAC_KEY, resolvedTime + ".", firingBody))
                    .as("a body swapped under a valid timestamp no longer verifies")
                    .isNotEqualTo(v1.get(1));
        }
    }

    @Test
    void shouldFailPermanentlyWhenTheSigningSecretIsMissing() {
        try (LocalReceiver receiver = LocalReceiver.answering(200)) {
            Target target = Target.of(receiver.url("/hook")).withSecret(Secret.fromFile(dir.resolve("absent")));

            DeliveryResult result = channel.send(Samples.firing("n-7"), target);

            assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
            assertThat(((DeliveryResult.PermanentFailure) result).error()).contains("cannot read secret file");
            assertThat(receiver.requests()).isEmpty();
        }
    }

    private static Map<String, String> parse(String header) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : header.split(",")) {
            String[] keyValue = part.split("=", 2);
            parts.put(keyValue[0], keyValue[1]);
        }
        return parts;
    }

    private static String hmac(String key, String prefix, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(prefix.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
