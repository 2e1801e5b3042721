package dev.slopipeline.router.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.kit.kafka.TopicBootstrap;
import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.delivery.LocalReceiver;
import dev.slopipeline.router.delivery.service.DispatchTopics;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident API of a running router on a real broker: a page opens an incident that the API lists, the signed link
 * in the page acknowledges it, a write token resolves it, and the timeline tells the story.
 */
@Tag("integration")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IncidentApiIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String WRITE_TOKEN = "incident-write-token";
    private static final String READ_TOKEN = "incident-read-token";
    private static final String SLO = "checkout-availability";
    private static final String SUFFIX = SharedKafka.unique(".incident-api");

    @RegisterExtension
    static final BrokerFixture broker = new BrokerFixture();

    @TempDir
    Path folder;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldOpenAcknowledgeThroughTheSignedLinkAndResolveAnIncident() throws Exception {
        Path secret = Files.writeString(folder.resolve("ack-secret"), "integration-secret-of-32-bytes-or-more\n");
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (LocalReceiver email = LocalReceiver.answering(200);
             RouterApp app = start(email, secret)) {
            await("the router ready", () -> get(app, "/readyz", null), answer -> answer.status == 200);
            broker.send(RouterTopics.withSuffix(SUFFIX).alerts(), alert(startedAt));

            JsonNode listed = await("an open incident", () -> get(app, IncidentEndpoints.PATH, READ_TOKEN),
                    answer -> answer.body.path("incidents").size() == 1).body.path("incidents").get(0);
            String id = listed.path("id").asText();
            assertThat(listed.path("slo").asText()).isEqualTo(SLO);
            assertThat(listed.path("state").asText()).isEqualTo("triggered");
            assertThat(listed.path("policy").asText()).isEqualTo("payments");

            email.awaitRequests(1, WAIT);
            JsonNode page = json.readTree(email.requests().get(0).body());
            JsonNode annotations = page.path("alerts").get(0).path("annotations");
            assertThat(annotations.path("oncall_address").asText()).isEqualTo("alice@example.com");
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).as("pages are counted without naming the person paged (router.metrics.person.labels)")
                    .containsPattern("(?m)^slo_router_pages_total\\{").doesNotContain("user=\"alice\"");
            URI ackUrl = URI.create(annotations.path("ack_url").asText());
            assertThat(ackUrl.toString()).startsWith("https://router.example/ack/");

            HttpResponse<String> shown = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + app.httpPort() + ackUrl.getPath())).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(shown.statusCode()).isEqualTo(200);
            assertThat(shown.body()).contains("as <b>alice</b>?").contains("<form method=\"post\"");
            assertThat(get(app, IncidentEndpoints.PATH + "/" + id, READ_TOKEN).body.path("acknowledgedBy").isNull())
                    .as("opening the link acknowledges nothing").isTrue();
            HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + app.httpPort() + ackUrl.getPath())).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);
            await("the acknowledgement applied", () -> get(app, IncidentEndpoints.PATH + "/" + id, READ_TOKEN),
                    answer -> answer.body.path("acknowledgedBy").asText().equals("alice"));

            String resolve = IncidentEndpoints.PATH + "/" + id + "/resolve";
            assertThat(post(app, resolve, "{\"by\":\"bob\"}", READ_TOKEN).status).isEqualTo(403);
            assertThat(post(app, resolve, "{\"by\":\"bob\"}", null).status).isEqualTo(401);
            assertThat(post(app, resolve, "{\"by\":\"bob\",\"comment\":\"rolled back\"}", WRITE_TOKEN).status)
                    .isEqualTo(202);
            JsonNode resolved = await("the resolution applied", () -> get(app, IncidentEndpoints.PATH + "/" + id, READ_TOKEN),
                    answer -> answer.body.path("state").asText().equals("resolved")).body;
            assertThat(resolved.path("resolvedBy").asText()).isEqualTo("bob");
            assertThat(resolved.path("timeline")).extracting(entry -> entry.path("kind").asText())
                    .containsExactly("triggered", "notified", "acknowledged", "comment", "resolved", "notified", "comment");
            assertThat(resolved.path("timeline")).filteredOn(entry -> entry.has("token"))
                    .extracting(entry -> entry.path("kind").asText() + " by " + entry.path("by").asText() + " with "
                            + entry.path("token").asText())
                    .as("the credential of each act, for the audit trail")
                    .containsExactly("acknowledged by alice with ack link", "resolved by bob with write token");
            email.awaitRequests(2, WAIT);
            assertThat(json.readTree(email.requests().get(1).body()).path("status").asText())
                    .as("alice hears the all-clear").isEqualTo("resolved");

            Answer late = post(app, IncidentEndpoints.PATH + "/" + id + "/ack", "{\"by\":\"carol\"}", WRITE_TOKEN);
            assertThat(late.status).isEqualTo(409);
            assertThat(get(app, IncidentEndpoints.PATH + "?state=open", READ_TOKEN).body.path("incidents")).isEmpty();
            assertThat(get(app, IncidentEndpoints.PATH + "/nope", READ_TOKEN).status).isEqualTo(404);
            assertThat(get(app, "/api/v1/oncall?at=2026-11-23T10:00:00Z", READ_TOKEN).body.path("at").asText())
                    .isEqualTo("2026-11-23T10:00:00Z");
        }
    }

    @Test
    void shouldGiveTheIncidentCommandsAsManyPartitionsAsTheAlerts() throws Exception {
        String suffix = SharedKafka.unique(".partitions");
        RouterTopics topics = RouterTopics.withSuffix(suffix);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topics.alerts(), 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            new TopicBootstrap(admin, WAIT).ensure(RouterTopicLayout.of(topics,
                    new DispatchTopics(topics.notifications(), "router.deliveries" + suffix, 1), Optional.empty()));
            // a topic just created may not be in the broker's metadata yet: ask until it is
            Map<String, TopicDescription> created = await("the new topics described", () -> describe(admin,
                    List.of(topics.incidentCommands(), topics.pages(), topics.notifications())),
                    described -> !described.isEmpty());
            assertThat(created.get(topics.incidentCommands()).partitions()).hasSize(3);
            assertThat(created.get(topics.pages()).partitions()).hasSize(3);
            assertThat(created.get(topics.notifications()).partitions()).hasSize(1);
        }
    }

    private RouterApp start(LocalReceiver email, Path secret) throws InterruptedException {
        String config = """
                route:
                  receiver: pager
                  group_by: [slo]
                  group_wait: 0s
                  group_interval: 1m
                  repeat_interval: 1h
                receivers:
                - name: pager
                - name: oncall-email
                  webhook_configs: [{url: '%s', send_resolved: true}]
                users:
                  - {name: alice, time_zone: UTC, contacts: [{type: email, address: alice@example.com}]}
                escalation_policies:
                  - {name: payments, levels: [{users: [alice]}]}
                paging:
                  receivers: {pager: payments}
                  contacts: {email: oncall-email}
                  ack_links: {secret_file: '%s'}
                """.formatted(email.url("/email"), secret);
        return RouterApp.start(RouterAppConfig.builder().bootstrapServers(broker.bootstrapServers())
                .set(RouterAppKeys.APPLICATION_ID, "router-incident-api-it" + SUFFIX)
                .set(RouterAppKeys.STATE_DIR, folder.resolve("state"))
                .topics(RouterTopics.withSuffix(SUFFIX))
                .set(RouterAppKeys.TOPIC_DELIVERIES, "router.deliveries" + SUFFIX)
                .set(RouterAppKeys.PARTITIONS, 1)
                .set(RouterAppKeys.HTTP_PORT, 0)
                .set(RouterAppKeys.PUNCTUATION_INTERVAL, Duration.ofMillis(200))
                .set(RouterAppKeys.EXTERNAL_URL, URI.create("https://router.example"))
                .set(RouterAppKeys.API_TOKEN, WRITE_TOKEN)
                .set(RouterAppKeys.API_READ_TOKEN, READ_TOKEN)
                .build(),
                RouterConfigLoader.parse("router.yml", config).orElseThrow());
    }

    private static Alert alert(Instant startedAt) {
        return new Alert(Alert.id(SLO, Severity.PAGE, startedAt), SLO, "storefront", "checkout", Severity.PAGE,
                AlertState.FIRING, startedAt, startedAt, new Alert.Windows(Duration.ofHours(1), Duration.ofMinutes(5)),
                new Alert.BurnRate(20.1, 35.2), 14.4, List.of("page-fast"), 0.83, null, Map.of("team", "payments"),
                Map.of(), List.of(), List.of());
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer get(RouterApp app, String path, String token) {
        return send(app, "GET", path, null, token);
    }

    private Answer post(RouterApp app, String path, String body, String token) {
        return send(app, "POST", path, body, token);
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

    /** The topics' descriptions, or none while the broker does not know one of them yet. */
    private static Map<String, TopicDescription> describe(Admin admin, List<String> names) {
        try {
            return admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return Map.of();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(String what, Supplier<T> value, Predicate<T> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = value.get();
        while (!condition.test(last)) {
            assertThat(System.nanoTime()).as("waiting for %s; last seen: %s", what, last).isLessThan(deadline);
            last = CompletableFuture.supplyAsync(value,
                    CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)).join();
        }
        return last;
    }
}
