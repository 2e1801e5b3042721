package dev.slopipeline.router.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.delivery.LocalReceiver;
import dev.slopipeline.router.delivery.LocalReceiver.Recorded;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole router on a real broker: SLO alerts in, webhooks out, silences and pending deliveries over HTTP. */
@Tag("integration")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RouterAppIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Duration CHECK_EVERY = Duration.ofMillis(100);
    private static final String WRITE_TOKEN = "write-token-for-tests";
    private static final String READ_TOKEN = "read-token-for-tests";
    private static final String CHECKOUT = "checkout-availability";
    private static final String SEARCH = "search-latency";

    @RegisterExtension
    static final BrokerFixture broker = new BrokerFixture();

    @TempDir
    Path stateDir;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private String suffix;

    @BeforeEach
    void setUp(TestInfo test) {
        suffix = SharedKafka.unique("." + test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void shouldDeliverTheFiringOnceAndTheResolutionOnceThroughAFlakyWebhook() throws Exception {
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (LocalReceiver hook = LocalReceiver.answering(LocalReceiver.Reply.status(503),
                LocalReceiver.Reply.status(503), LocalReceiver.Reply.status(200));
             RouterApp app = start(hook, builder -> builder)) {
            awaitReady(app);

            send(alert(CHECKOUT, AlertState.FIRING, startedAt, startedAt));
            hook.awaitRequests(3, WAIT);
            List<Recorded> firing = hook.requests();
            assertThat(firing).extracting(r -> r.header("Idempotency-Key")).doesNotContainNull().containsOnly(
                    firing.get(0).header("Idempotency-Key"));
            JsonNode payload = json.readTree(firing.get(2).body());
            assertThat(firing.get(2).method()).isEqualTo("POST");
            assertThat(payload.path("version").asText()).isEqualTo("4");
            assertThat(payload.path("status").asText()).isEqualTo("firing");
            JsonNode delivered = payload.path("alerts").get(0);
            assertThat(delivered.path("status").asText()).isEqualTo("firing");
            assertThat(delivered.path("labels").path("slo").asText()).isEqualTo(CHECKOUT);
            assertThat(delivered.path("labels").path("severity").asText()).isEqualTo("page");
            assertThat(delivered.path("labels").path("alertname").asText()).isNotBlank();
            assertThat(delivered.path("annotations").path("summary").asText()).isNotBlank();

            send(alert(CHECKOUT, AlertState.RESOLVED, startedAt, Instant.now()));
            hook.awaitRequests(4, WAIT);
            Recorded resolution = hook.requests().get(3);
            assertThat(json.readTree(resolution.body()).path("status").asText()).isEqualTo("resolved");
            assertThat(resolution.header("Idempotency-Key")).isNotBlank()
                    .isNotEqualTo(firing.get(0).header("Idempotency-Key"));

            await("no delivery pending", () -> get(app, PendingDeliveries.PATH, null),
                    reply -> reply.status == 200 && reply.body.path("pending").isEmpty());
            assertThat(hook.requests()).as("one firing delivered after two 503s, one resolution").hasSize(4);
        }
    }

    @Test
    void shouldMuteAnAlertWithASilenceCreatedThroughTheApi() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String silence = """
                {"matchers": ["slo=\\"%s\\""], "endsAt": "%s", "createdBy": "alice", "comment": "planned failover"}
                """.formatted(CHECKOUT, now.plus(Duration.ofHours(1)));
        try (LocalReceiver hook = LocalReceiver.answering(200);
             RouterApp app = start(hook, builder -> builder.set(RouterAppKeys.API_TOKEN, WRITE_TOKEN)
                     .set(RouterAppKeys.API_READ_TOKEN, READ_TOKEN))) {
            awaitReady(app);

            Answer anonymous = post(app, silence, null);
            assertThat(anonymous.status).isEqualTo(401);
            assertThat(anonymous.body.path("error").asText()).contains("Authorization: Bearer");
            Answer readOnly = post(app, silence, READ_TOKEN);
            assertThat(readOnly.status).isEqualTo(403);
            assertThat(readOnly.body.path("error").asText()).contains("scope read").contains("needs write");

            Answer invalid = post(app, silence.replace(CHECKOUT, "").replace("planned failover", ""), WRITE_TOKEN);
            assertThat(invalid.status).isEqualTo(400);
            assertThat(invalid.body.path("problems")).extracting(JsonNode::asText).satisfiesExactlyInAnyOrder(
                    problem -> assertThat(problem).contains("every matcher matches alerts without the label"),
                    problem -> assertThat(problem).contains("comment is empty"));

            Answer lookAhead = post(app, silence.replace("slo=\\\"" + CHECKOUT + "\\\"", "slo=~\\\"(?!search).*\\\""),
                    WRITE_TOKEN);
            assertThat(lookAhead.status).isEqualTo(400);
            assertThat(lookAhead.body.path("error").asText()).contains("invalid regular expression \"(?!search).*\"",
                    "has no look-around");

            Answer accepted = post(app, silence, WRITE_TOKEN);
            assertThat(accepted.status).isEqualTo(202);
            String id = accepted.body.path("id").asText();
            await("the silence listed as active", () -> get(app, SilenceEndpoints.PATH, READ_TOKEN),
                    reply -> reply.status == 200 && reply.body.path("silences").findValuesAsText("id").contains(id)
                            && reply.body.path("silences").get(0).path("status").path("state").asText().equals("active"));

            send(alert(CHECKOUT, AlertState.FIRING, now, now));
            send(alert(SEARCH, AlertState.FIRING, now, now));
            await("the silence stage muting an alert", () -> metrics(app),
                    text -> text.lines().anyMatch(line -> line.startsWith("slo_router_alerts_suppressed_total")
                            && line.contains("stage=\"silence\"") && !line.endsWith(" 0.0")));
            hook.awaitRequests(1, WAIT);
            assertThat(hook.requests()).singleElement().satisfies(request ->
                    assertThat(json.readTree(request.body()).path("commonLabels").path("slo").asText())
                            .isEqualTo(SEARCH));

            Answer expired = send(app, "DELETE", SilenceEndpoints.PATH + "/" + id, null, WRITE_TOKEN);
            assertThat(expired.status).isEqualTo(202);
        }
    }

    @Test
    void shouldListPendingDeliveriesWhileTheReceiverFails() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (LocalReceiver hook = LocalReceiver.answering(503);
             RouterApp app = start(hook, builder -> builder)) {
            awaitReady(app);

            send(alert(CHECKOUT, AlertState.FIRING, now, now));
            Answer pending = await("a pending delivery after two failed attempts",
                    () -> get(app, PendingDeliveries.PATH, null),
                    reply -> reply.status == 200 && reply.body.path("pending").size() == 1
                            && reply.body.path("pending").get(0).path("attempts").asInt() >= 2);
            JsonNode delivery = pending.body.path("pending").get(0);
            assertThat(delivery.path("receiver").asText()).startsWith("pager");
            assertThat(delivery.path("status").asText()).isEqualTo("firing");
            assertThat(delivery.path("lastError").asText()).contains("503");
            assertThat(delivery.path("idempotencyKey").asText()).isEqualTo(hook.requests().get(0)
                    .header("Idempotency-Key"));

            Answer noTokenConfigured = post(app, "{}", WRITE_TOKEN);
            assertThat(noTokenConfigured.status).isEqualTo(403);
            assertThat(noTokenConfigured.body.path("error").asText()).contains("no API token").contains("router.api.token");
        }
    }

    private interface Customisation {
        RouterAppConfig.Builder apply(RouterAppConfig.Builder builder);
    }

    private RouterApp start(LocalReceiver hook, Customisation customisation) throws InterruptedException {
        String config = """
                route:
                  receiver: pager
                  group_by: [slo]
                  group_wait: 1s
                  group_interval: 2s
                  repeat_interval: 1h
                  routes:
                  - matchers: ['severity="page"']
                    receiver: pager
                  - receiver: tickets
                receivers:
                - name: pager
                  webhook_configs: [{url: '%s', send_resolved: true}]
                - name: tickets
                delivery: {retry_initial_backoff: 200ms, retry_max_backoff: 400ms}
                """.formatted(hook.url("/hook"));
        RouterAppConfig.Builder settings = RouterAppConfig.builder()
                .bootstrapServers(broker.bootstrapServers())
                .set(RouterAppKeys.APPLICATION_ID, "router-app-it" + suffix)
                .set(RouterAppKeys.STATE_DIR, stateDir)
                .topics(RouterTopics.withSuffix(suffix))
                .set(RouterAppKeys.TOPIC_DELIVERIES, "router.deliveries" + suffix)
                // One partition, so the alerts of a test are routed in the order they are sent.
                .set(RouterAppKeys.PARTITIONS, 1)
                .set(RouterAppKeys.HTTP_PORT, 0)
                .set(RouterAppKeys.PUNCTUATION_INTERVAL, Duration.ofMillis(200))
                .set(RouterAppKeys.EXTERNAL_URL, URI.create("https://router.example"));
        return RouterApp.start(customisation.apply(settings).build(),
                RouterConfigLoader.parse("router.yml", config).orElseThrow());
    }

    private void awaitReady(RouterApp app) {
        await("the router ready", () -> get(app, "/readyz", null), reply -> reply.status == 200);
    }

    private void send(Alert alert) {
        broker.send(RouterTopics.withSuffix(suffix).alerts(), alert);
    }

    private static Alert alert(String slo, AlertState state, Instant startedAt, Instant at) {
        return new Alert(Alert.id(slo, Severity.PAGE, startedAt), slo, "storefront", "checkout", Severity.PAGE, state,
                at, startedAt, new Alert.Windows(Duration.ofHours(1), Duration.ofMinutes(5)),
                new Alert.BurnRate(20.1, 35.2), 14.4, state == AlertState.FIRING ? List.of("page-fast") : List.of(),
                0.83, null, Map.of(), Map.of("runbook", "https://runbooks.example/checkout"), List.of(), List.of());
    }

    /** A status and a JSON body. */
    private record Answer(int status, JsonNode body) {
    }

    private Answer get(RouterApp app, String path, String token) {
        return send(app, "GET", path, null, token);
    }

    private Answer post(RouterApp app, String body, String token) {
        return send(app, "POST", SilenceEndpoints.PATH, body, token);
    }

    private Answer send(RouterApp app, String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), json.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String metrics(RouterApp app) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Checks every {@link #CHECK_EVERY} until the condition holds, failing at the deadline with the last value. */
    private static <T> T await(String what, Supplier<T> value, Predicate<T> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = value.get();
        while (!condition.test(last)) {
            assertThat(System.nanoTime()).as("waiting for %s; last seen: %s", what, last).isLessThan(deadline);
            last = CompletableFuture.supplyAsync(value,
                    CompletableFuture.delayedExecutor(CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS)).join();
        }
        return last;
    }
}
