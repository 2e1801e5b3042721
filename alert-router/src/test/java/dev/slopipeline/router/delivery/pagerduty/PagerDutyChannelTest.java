package dev.slopipeline.router.delivery.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.router.delivery.DeliveryResult;
import dev.slopipeline.router.delivery.LocalReceiver.Reply;
import dev.slopipeline.router.delivery.LocalReceiver;
import dev.slopipeline.router.delivery.MutableClock;
import dev.slopipeline.router.delivery.Samples;
import dev.slopipeline.router.delivery.Target;
import dev.slopipeline.router.delivery.http.JsonPoster;
import dev.slopipeline.router.notification.Acknowledgement;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.secret.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagerDutyChannelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROUTING_KEY = "R0UT1NGK3Y0123456789abcdef0123456";
    private static final Secret KEY = new Secret.EnvironmentVariable("PD_KEY", Map.of("PD_KEY", ROUTING_KEY)::get);
    private static final String ACCEPTED = "{\"status\":\"success\",\"message\":\"Event processed\"}";

    private final PagerDutyChannel channel = new PagerDutyChannel(
            new JsonPoster(JsonPoster.defaultClient(), new MutableClock(Instant.parse("2026-11-23T10:05:00Z"))));

    private JsonNode send(Notification notification) throws Exception {
        try (LocalReceiver pagerDuty = LocalReceiver.answering(Reply.status(202, ACCEPTED))) {
            DeliveryResult result = channel.send(notification, Target.of(pagerDuty.base()).withSecret(KEY));

            assertThat(result).isEqualTo(new DeliveryResult.Accepted(202));
            assertThat(pagerDuty.onlyRequest().path()).isEqualTo("/v2/enqueue");
            return JSON.readTree(pagerDuty.onlyRequest().body());
        }
    }

    @Test
    void shouldTriggerWithAllEventsApiV2Fields() throws Exception {
        JsonNode event = send(Samples.firing("n-1"));

        assertThat(event.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
        assertThat(event.get("event_action").asText()).isEqualTo("trigger");
        assertThat(event.get("dedup_key").asText()).isEqualTo(PagerDutyEvent.dedupKey(Samples.GROUP_KEY)).hasSize(64);
        JsonNode payload = event.get("payload");
        assertThat(payload.get("summary").asText()).isEqualTo(
                "[FIRING:2] Users cannot check out (journey checkout), burn rate 20.1×, 83% of budget left");
        assertThat(payload.get("source").asText()).isEqualTo("storefront");
        assertThat(payload.get("severity").asText()).isEqualTo("critical");
        assertThat(payload.get("timestamp").asText()).isEqualTo("2026-11-23T10:04:00Z");
        assertThat(payload.get("component").asText()).isEqualTo("checkout");
        assertThat(payload.get("group").asText()).isEqualTo("storefront");
        assertThat(payload.get("class").asText()).isEqualTo("checkout-availability");
        assertThat(payload.get("custom_details")).isEqualTo(JSON.readTree("""
                {"journey": "checkout", "slo": "checkout-availability", "burn_rate": "20.1",
                 "budget_remaining": "0.83", "firing": 2, "resolved": 0, "group_labels": {"journey": "checkout"}}
                """));
        assertThat(event.get("links")).isEqualTo(JSON.readTree("""
                [{"href": "https://runbooks.example/storefront", "text": "Runbook"},
                 {"href": "https://router.example/ack/g-42", "text": "Acknowledge in slo-pipeline"}]
                """));
        assertThat(event.get("client").asText()).isEqualTo("slo-pipeline");
        assertThat(event.get("client_url").asText()).isEqualTo("https://router.example");
    }

    @Test
    void shouldResolveTheSameAlertWithTheSameDedupKeyAndNoPayload() throws Exception {
        JsonNode trigger = send(Samples.firing("n-1"));
        JsonNode resolve = send(Samples.resolved("n-2"));

        assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
        assertThat(resolve.get("dedup_key")).isEqualTo(trigger.get("dedup_key"));
        assertThat(resolve.has("payload")).isFalse();
    }

    @Test
    void shouldAcknowledgeAnAcknowledgedFiringGroup() throws Exception {
        JsonNode event = send(Samples.group("n-3", "pd", List.of(Samples.availability(AlertState.FIRING)),
                new Acknowledgement("alice", Instant.parse("2026-11-23T10:07:00Z"))));

        assertThat(event.get("event_action").asText()).isEqualTo("acknowledge");
        assertThat(event.get("dedup_key").asText()).isEqualTo(PagerDutyEvent.dedupKey(Samples.GROUP_KEY));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "page, critical",
        "ticket, warning",
        "notify, info",
        "PAGE, critical",
        "error, error",
        "warning, warning",
        "urgent, error",
        "'', error"
    })
    void shouldMapOurSeveritiesOntoPagerDutys(String ours, String theirs) {
        assertThat(PagerDutySeverity.of(Optional.of(ours))).isEqualTo(theirs);
    }

    @Test
    void shouldSendTheMappedSeverityOfATicket() throws Exception {
        Notification ticket = new Notification("n-4", "pd", Samples.GROUP_KEY,
                List.of(Samples.availability(AlertState.FIRING)), Map.of(), Map.of("severity", "ticket"), Map.of(),
                Samples.EXTERNAL_URL, null, null);

        assertThat(send(ticket).get("payload").get("severity").asText()).isEqualTo("warning");
    }

    @Test
    void shouldFailPermanentlyWithoutARoutingKeyAndSendNothing() {
        try (LocalReceiver pagerDuty = LocalReceiver.answering(202)) {
            DeliveryResult result = channel.send(Samples.firing("n-5"), Target.of(pagerDuty.base()));

            assertThat(result).isEqualTo(new DeliveryResult.PermanentFailure(
                    "PagerDuty needs a routing key, and this receiver has no secret"));
            assertThat(pagerDuty.requests()).isEmpty();
        }
    }

    @Test
    void shouldReportPagerDutysRejectionAsPermanent() {
        try (LocalReceiver pagerDuty = LocalReceiver.answering(
                Reply.status(400, "{\"status\":\"invalid event\",\"errors\":[\"'summary' is missing\"]}"))) {
            DeliveryResult result = channel.send(Samples.firing("n-6"), Target.of(pagerDuty.base()).withSecret(KEY));

            assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
            assertThat(((DeliveryResult.PermanentFailure) result).error()).startsWith("HTTP 400").contains("invalid event");
        }
    }
}
