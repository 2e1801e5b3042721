package dev.slopipeline.router.delivery.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.delivery.DeliveryResult;
import dev.slopipeline.router.delivery.LocalReceiver;
import dev.slopipeline.router.delivery.Receiver;
import dev.slopipeline.router.delivery.Samples;
import dev.slopipeline.router.delivery.http.JsonPoster;
import dev.slopipeline.router.notification.Notification;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiverFactoryTest {

    private static final String CONFIG = """
            global:
              slack_api_url: https://hooks.slack.example/services/T0/B0/XXXX
            route: {receiver: team-shop}
            receivers:
            - name: team-shop
              fallback: backup
              webhook_configs:
              - {url: 'https://hooks.example/shop', max_alerts: 5, slo_signing_secret_env: SHOP_HMAC}
              - {url: 'https://audit.example/shop', send_resolved: false}
              slack_configs: [{channel: '#shop'}]
              pagerduty_configs: [{routing_key: 0123456789abcdef}]
            - name: backup
              pagerduty_configs: [{routing_key_file: '%s', url: 'https://events.eu.pagerduty.com/v2/enqueue'}]
            - name: nobody
            """;

    private final ReceiverFactory factory = new ReceiverFactory(JsonPoster.defaultClient(), Clock.systemUTC());

    @TempDir
    Path dir;

    private Path pdKey;

    /** {@link #CONFIG}, with the backup's PagerDuty key in a file, which the loader reads. */
    private RouterConfig shop() throws IOException {
        pdKey = Files.writeString(dir.resolve("pd"), "0123456789abcdef\n");
        return config(CONFIG.formatted(pdKey));
    }

    private static RouterConfig config(String yaml) {
        return RouterConfigLoader.parse("router.yml", yaml).orElseThrow();
    }

    @Test
    void shouldMakeEveryChannelOfAReceiverItsOwnIntegrationFallingBackToTheFallbackReceiver() throws IOException {
        Integrations integrations = factory.build(shop());

        Receiver hook = integrations.receivers().get("team-shop#0").orElseThrow();
        assertThat(hook.target().url()).isEqualTo(URI.create("https://hooks.example/shop"));
        assertThat(hook.target().maxAlerts()).isEqualTo(5);
        assertThat(hook.target().secret()).hasToString("env:SHOP_HMAC");
        assertThat(hook.fallback()).isEqualTo("backup#0");
        assertThat(integrations.receivers().get("team-shop#1").orElseThrow().target().secret()).isNull();
        assertThat(integrations.receivers().get("team-shop#2").orElseThrow().target().url())
                .isEqualTo(URI.create("https://hooks.slack.example/services/T0/B0/XXXX"));
        Receiver pager = integrations.receivers().get("team-shop#3").orElseThrow();
        assertThat(pager.target().url()).as("Alertmanager's default endpoint, as the base the channel extends")
                .isEqualTo(URI.create("https://events.pagerduty.com"));
        assertThat(pager.target().secret()).hasToString("inline");
        Receiver backup = integrations.receivers().get("backup#0").orElseThrow();
        assertThat(backup.target().url()).isEqualTo(URI.create("https://events.eu.pagerduty.com"));
        assertThat(backup.target().secret()).hasToString("file:" + pdKey);
        assertThat(backup.fallback()).isNull();
        assertThat(integrations.names()).containsExactly("team-shop", "backup", "nobody");
    }

    @Test
    void shouldFanAnIntentOutToEveryChannelUnderItsOwnKey() throws IOException {
        Integrations integrations = factory.build(shop());
        Notification intent = Samples.group("intent-1", "team-shop",
                List.of(Samples.availability(AlertState.FIRING), Samples.latency(AlertState.RESOLVED)), null);

        List<Notification> deliveries = integrations.deliveries(intent).orElseThrow();

        assertThat(deliveries).extracting(Notification::idempotencyKey)
                .containsExactly("intent-1#0", "intent-1#1", "intent-1#2", "intent-1#3");
        assertThat(deliveries).extracting(Notification::receiver)
                .containsExactly("team-shop#0", "team-shop#1", "team-shop#2", "team-shop#3");
        assertThat(deliveries.get(1).alerts()).as("send_resolved: false leaves resolved alerts out")
                .extracting(a -> a.status()).containsExactly(AlertState.FIRING);
        assertThat(deliveries.get(0).alerts()).isEqualTo(intent.alerts());
    }

    @Test
    void shouldSendAResolvedGroupOnlyToChannelsThatWantIt() throws IOException {
        Integrations integrations = factory.build(shop());

        assertThat(integrations.deliveries(Samples.resolved("intent-2")).orElseThrow())
                .as("Slack, like the second webhook, sends no resolved groups unless told to, as in Alertmanager")
                .extracting(Notification::idempotencyKey)
                .containsExactly("intent-2#0", "intent-2#3");
    }

    @Test
    void shouldFanOutToNothingForAReceiverWithoutChannelsAndNotAtAllForAnUnknownOne() throws IOException {
        Integrations integrations = factory.build(shop());

        assertThat(integrations.deliveries(Samples.group("intent-3", "nobody", Samples.firing("x").alerts(), null)))
                .hasValueSatisfying(deliveries -> assertThat(deliveries).isEmpty());
        assertThat(integrations.deliveries(Samples.group("intent-4", "team-shoe", Samples.firing("x").alerts(), null)))
                .isEmpty();
    }

    @Test
    void shouldPostUnderTheReceiverNameTheRouteChoseWithTheChannelsKey() throws Exception {
        try (LocalReceiver server = LocalReceiver.answering(200)) {
            Integrations integrations = factory.build(config("""
                    route: {receiver: team-shop}
                    receivers:
                    - name: team-shop
                      webhook_configs: [{url: '%s'}]
                    """.formatted(server.url("/hook"))));
            Notification delivery = integrations.deliveries(Samples.firing("intent-5")).orElseThrow().get(0);
            Receiver receiver = integrations.receivers().get(delivery.receiver()).orElseThrow();

            DeliveryResult result = receiver.channel().send(delivery, receiver.target());

            assertThat(result).isEqualTo(new DeliveryResult.Accepted(200));
            assertThat(server.onlyRequest().header("Idempotency-Key")).isEqualTo("intent-5#0");
            assertThat(new ObjectMapper().readTree(server.onlyRequest().body()).get("receiver").asText())
                    .isEqualTo("team-shop");
        }
    }

    @Test
    void shouldPostToTheConfiguredSlackChannelAndSendTheConfiguredPagerDutySeverity() throws Exception {
        try (LocalReceiver server = LocalReceiver.answering(200)) {
            Integrations integrations = factory.build(config("""
                    route: {receiver: team-shop}
                    receivers:
                    - name: team-shop
                      slack_configs:
                      - {api_url: '%1$s', channel: '#payments-oncall'}
                      - {api_url: '%1$s'}
                      pagerduty_configs:
                      - {routing_key: 0123456789abcdef, url: '%2$s', severity: Warning}
                      - {routing_key: 0123456789abcdef, url: '%2$s'}
                      - {routing_key: 0123456789abcdef, url: '%2$s', severity: '{{ .CommonLabels.severity }}'}
                    """.formatted(server.url("/slack"), server.url("/v2/enqueue"))));

            for (Notification delivery : integrations.deliveries(Samples.firing("intent-6")).orElseThrow()) {
                Receiver receiver = integrations.receivers().get(delivery.receiver()).orElseThrow();
                assertThat(receiver.channel().send(delivery, receiver.target())).isEqualTo(new DeliveryResult.Accepted(200));
            }

            List<JsonNode> bodies = new java.util.ArrayList<>();
            for (LocalReceiver.Recorded request : server.requests()) {
                bodies.add(new ObjectMapper().readTree(request.body()));
            }
            assertThat(bodies).hasSize(5);
            assertThat(bodies.get(0).path("channel").asText()).isEqualTo("#payments-oncall");
            assertThat(bodies.get(1).has("channel")).as("the webhook's own channel").isFalse();
            assertThat(bodies.subList(2, 5)).extracting(body -> body.path("payload").path("severity").asText())
                    .as("the configured severity; else the page mapped to critical, as for a template")
                    .containsExactly("warning", "critical", "critical");
        }
    }
}
