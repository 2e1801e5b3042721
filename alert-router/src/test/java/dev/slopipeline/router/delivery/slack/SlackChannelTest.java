package dev.slopipeline.router.delivery.slack;

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
import dev.slopipeline.router.notification.Acknowledgement;
import dev.slopipeline.router.notification.Alert;
import dev.slopipeline.router.notification.Notification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackChannelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlackChannel channel = new SlackChannel(
            new JsonPoster(JsonPoster.defaultClient(), new MutableClock(Instant.parse("2026-11-23T10:05:00Z"))));

    private JsonNode post(Notification notification) throws Exception {
        try (LocalReceiver slack = LocalReceiver.answering(LocalReceiver.Reply.status(200, "ok"))) {
            DeliveryResult result = channel.send(notification,
                    Target.of(slack.url("/services/T000/B000/XXXX")));

            assertThat(result).isEqualTo(new DeliveryResult.Accepted(200));
            assertThat(slack.onlyRequest().path()).isEqualTo("/services/T000/B000/XXXX");
            return JSON.readTree(slack.onlyRequest().body());
        }
    }

    /** Everything a person reads: every "text" string, wherever it sits in the message. */
    private static String readable(JsonNode message) {
        List<String> texts = new ArrayList<>();
        collectTexts(message, texts);
        return String.join("\n", texts);
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals("text") && field.getValue().isTextual()) {
                texts.add(field.getValue().asText());
            }
        });
        node.elements().forEachRemaining(child -> collectTexts(child, texts));
    }

    @Test
    void shouldTellTheOnCallWhatIsBrokenForUsersInRed() throws Exception {
        JsonNode message = post(Samples.firing("n-1"));

        assertThat(message.get("text").asText()).isEqualTo("FIRING: Users cannot check out");
        assertThat(message.get("attachments").get(0).get("color").asText()).isEqualTo(SlackMessage.RED);
        assertThat(readable(message))
                .contains("Journey checkout of storefront")
                .contains("*Burn rate*\n20.1× the sustainable rate")
                .contains("*Error budget left*\n83%")
                .contains("<" + Samples.RUNBOOK + "|Runbook>")
                .contains("<" + Samples.ACK_URL + "|Acknowledge>")
                .contains("• firing: checkout-availability, burn 20.1×")
                .contains("• firing: checkout-latency, burn 7.2×")
                .contains("2 firing, 0 resolved");
    }

    @Test
    void shouldReportResolutionInGreenWithoutAnAckLink() throws Exception {
        JsonNode message = post(Samples.resolved("n-2"));

        assertThat(message.get("text").asText()).isEqualTo("RESOLVED: Users cannot check out");
        assertThat(message.get("attachments").get(0).get("color").asText()).isEqualTo(SlackMessage.GREEN);
        assertThat(readable(message)).contains("Runbook").doesNotContain("Acknowledge");
    }

    @Test
    void shouldShowWhoAcknowledgedInAmber() throws Exception {
        Notification acked = Samples.group("n-3", "team-shop", List.of(Samples.availability(AlertState.FIRING)),
                new Acknowledgement("alice", Instant.parse("2026-11-23T10:07:00Z")));

        JsonNode message = post(acked);

        assertThat(message.get("text").asText()).isEqualTo("ACKNOWLEDGED by alice: Users cannot check out");
        assertThat(message.get("attachments").get(0).get("color").asText()).isEqualTo(SlackMessage.AMBER);
        assertThat(readable(message)).doesNotContain("|Acknowledge>");
    }

    @Test
    void shouldEscapeUserTextThatSlackWouldReadAsMarkup() throws Exception {
        Alert alert = Samples.availability(AlertState.FIRING);
        Notification notification = new Notification("n-4", "team-shop", Samples.GROUP_KEY, List.of(alert),
                Map.of(), Map.of(), Map.of("summary", "Checkout <fails> for A&B"), Samples.EXTERNAL_URL, null, null);

        JsonNode message = post(notification);

        assertThat(readable(message)).contains("Checkout &lt;fails&gt; for A&amp;B");
    }
}
