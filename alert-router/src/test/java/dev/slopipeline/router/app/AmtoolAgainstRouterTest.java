package dev.slopipeline.router.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.router.AmtoolProcess;
import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real amtool (Alertmanager's own client, Debian's prometheus-alertmanager package) against a router on the
 * embedded broker: what it prints is what an operator would see from an Alertmanager.
 */
@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AmtoolAgainstRouterTest {

    private static final String WRITE_TOKEN = "amtool-test-write-token";
    private static final String READ_TOKEN = "amtool-test-read-token";
    private static final String SUFFIX = SharedKafka.unique(".amtool");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final BrokerFixture broker = new BrokerFixture();

    @TempDir
    static Path folder;

    private static RouterApp router;
    private static AmtoolCli amtool;
    private static AmtoolCli reader;

    @BeforeAll
    static void startRouter() throws InterruptedException {
        router = RouterApp.start(RouterAppConfig.builder().bootstrapServers(broker.bootstrapServers())
                        .set(RouterAppKeys.APPLICATION_ID, "router" + SUFFIX)
                        .set(RouterAppKeys.STATE_DIR, folder.resolve("state"))
                        .topics(RouterTopics.withSuffix(SUFFIX))
                        .set(RouterAppKeys.TOPIC_DELIVERIES, "router.deliveries" + SUFFIX)
                        .set(RouterAppKeys.PARTITIONS, 1)
                        .set(RouterAppKeys.HTTP_PORT, 0)
                        .set(RouterAppKeys.PUNCTUATION_INTERVAL, Duration.ofMillis(200))
                        .set(RouterAppKeys.API_TOKEN, WRITE_TOKEN)
                        .set(RouterAppKeys.API_READ_TOKEN, READ_TOKEN)
                        .build(),
                RouterConfigLoader.parse("router.yml", """
                        route:
                          receiver: storage-team
                          group_by: [alertname]
                          group_wait: 1s
                        receivers:
                        - name: storage-team
                        """).orElseThrow());
        amtool = AmtoolCli.against(router.httpPort(), WRITE_TOKEN, folder);
        reader = AmtoolCli.against(router.httpPort(), READ_TOKEN, folder);
        await("the router ready", () -> probe("/-/ready"), status -> status == 200);
    }

    @AfterAll
    static void stopRouter() {
        if (router != null) {
            router.close();
        }
    }

    @Test
    void shouldAddQueryAndExpireASilenceWithAmtool() {
        AmtoolProcess.Run added = amtool.run("silence", "add", "alertname=DiskFull", "team=storage",
                "--author=alice", "--comment=swapping the disk", "--duration=2h");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        String id = added.out();
        assertThat(UUID.fromString(id)).isNotNull();

        AmtoolProcess.Run queried = reader.run("silence", "query", "alertname=DiskFull");
        assertThat(queried.exitCode()).as(queried.toString()).isZero();
        assertThat(queried.out().lines()).first().asString()
                .containsSubsequence("ID", "Matchers", "Ends At", "Created By", "Comment");
        assertThat(queried.out().lines().filter(line -> line.startsWith(id)))
                .singleElement().asString()
                .containsSubsequence(id, "alertname=\"DiskFull\" team=\"storage\"", "alice", "swapping the disk");

        AmtoolProcess.Run expired = amtool.run("silence", "expire", id);
        assertThat(expired.exitCode()).as(expired.toString()).isZero();
        await("the silence expired", () -> reader.run("silence", "query", "--quiet", "alertname=DiskFull").out(),
                out -> !out.contains(id));
        assertThat(reader.run("silence", "query", "--expired", "--quiet", "alertname=DiskFull").out().lines())
                .contains(id);
    }

    @Test
    void shouldReplaceASilenceThatAmtoolUpdates() {
        String id = amtool.run("silence", "add", "alertname=CertExpiring", "--comment=renewing", "--duration=1h").out();

        // amtool 0.25 prints a Go pointer for --quiet, so read the id off the table it prints
        AmtoolProcess.Run updated = amtool.run("silence", "update", "--comment=renewing, the CA is slow",
                "--duration=3h", id);

        assertThat(updated.exitCode()).as(updated.toString()).isZero();
        String replacement = updated.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        assertThat(UUID.fromString(replacement)).isNotEqualTo(UUID.fromString(id));
        await("the old silence expired", () -> reader.run("silence", "query", "--quiet", "alertname=CertExpiring")
                .out(), out -> !out.contains(id));
        assertThat(reader.run("silence", "query", "alertname=CertExpiring").out().lines()
                .filter(line -> line.startsWith(replacement))).singleElement().asString()
                .contains("renewing, the CA is slow");
    }

    @Test
    void shouldRefuseASilenceFromAReadTokenAndTheExpiryOfAnUnknownOne() {
        AmtoolProcess.Run withReadToken = reader.run("silence", "add", "alertname=DiskFull", "--comment=not mine");
        assertThat(withReadToken.exitCode()).isNotZero();
        assertThat(withReadToken.err()).contains("403");

        AmtoolProcess.Run unknown = amtool.run("silence", "expire", UUID.randomUUID().toString());
        assertThat(unknown.exitCode()).isNotZero();
        // amtool 0.25's client knows no 404 for a delete; later ones (and Alertmanager) answer it
        assertThat(unknown.err()).contains("status 404");
    }

    @Test
    void shouldTakeAnAlertFromAmtoolAndShowItActiveThenSilenced() throws IOException {
        AmtoolProcess.Run added = amtool.run("alert", "add", "alertname=BackupLate", "job=backup",
                "--annotation=summary=the nightly backup is 3h late");
        assertThat(added.exitCode()).as(added.toString()).isZero();

        String active = await("the alert listed", () -> reader.run("alert", "query", "alertname=BackupLate").out(),
                out -> out.contains("BackupLate"));
        assertThat(active.lines()).first().asString().containsSubsequence("Alertname", "Starts At", "Summary", "State");
        assertThat(active.lines().filter(line -> line.startsWith("BackupLate"))).singleElement().asString()
                .containsSubsequence("BackupLate", "the nightly backup is 3h late", "active");
        JsonNode listed = new ObjectMapper().readTree(reader.run("-o", "json", "alert", "query", "alertname=BackupLate")
                .out());
        assertThat(listed).singleElement().satisfies(alert -> {
            assertThat(alert.path("labels").path("job").asText()).isEqualTo("backup");
            assertThat(alert.path("receivers").findValuesAsText("name")).containsExactly("storage-team");
            assertThat(alert.path("fingerprint").asText()).matches("[0-9a-f]{16}");
        });

        String silence = amtool.run("silence", "add", "alertname=BackupLate", "--comment=known, restarting it").out();
        await("the alert silenced", () -> reader.run("alert", "query", "alertname=BackupLate").out(),
                out -> !out.contains("BackupLate"));
        assertThat(reader.run("alert", "query", "--silenced", "alertname=BackupLate").out().lines()
                .filter(line -> line.startsWith("BackupLate"))).singleElement().asString().endsWith("suppressed");
        JsonNode silenced = new ObjectMapper().readTree(reader.run("-o", "json", "alert", "query", "--silenced",
                "alertname=BackupLate").out());
        assertThat(silenced.get(0).path("status").path("silencedBy").get(0).asText()).isEqualTo(silence);
    }

    @Test
    void shouldGroupAlertsAsTheRoutesDo() throws Exception {
        for (String queue : new String[] {"orders", "refunds"}) {
            AmtoolProcess.Run added = amtool.run("alert", "add", "alertname=QueueBacklog", "queue=" + queue);
            assertThat(added.exitCode()).as(added.toString()).isZero();
        }

        JsonNode groups = await("both alerts grouped", () -> get("/api/v2/alerts/groups?filter="
                + URLEncoder.encode("alertname=\"QueueBacklog\"", StandardCharsets.UTF_8)),
                body -> body.size() == 1 && body.get(0).path("alerts").size() == 2);
        JsonNode group = groups.get(0);
        assertThat(group.path("labels").properties()).singleElement().satisfies(label -> {
            assertThat(label.getKey()).isEqualTo("alertname");
            assertThat(label.getValue().asText()).isEqualTo("QueueBacklog");
        });
        assertThat(group.path("receiver").path("name").asText()).isEqualTo("storage-team");
        assertThat(group.path("alerts").findValuesAsText("queue")).containsExactlyInAnyOrder("orders", "refunds");

        JsonNode oneQueue = get("/api/v2/alerts/groups?filter=" + URLEncoder.encode("queue=\"refunds\"",
                StandardCharsets.UTF_8));
        assertThat(oneQueue).singleElement().satisfies(only ->
                assertThat(only.path("alerts").findValuesAsText("queue")).containsExactly("refunds"));
        assertThat(get("/api/v2/alerts/groups?receiver=nobody")).isEmpty();
    }

    @Test
    void shouldTellAmtoolItsStatusAndListTheReceivers() {
        AmtoolProcess.Run cluster = reader.run("cluster", "show");
        assertThat(cluster.exitCode()).as(cluster.toString()).isZero();
        assertThat(cluster.out()).containsPattern("Cluster Status:\\s+ready");

        assertThat(get("/api/v2/receivers").findValuesAsText("name")).containsExactly("storage-team");
    }

    @Test
    void shouldTakeTheValidAlertsOfABatchAndRefuseTheOthersWith400() throws Exception {
        HttpResponse<String> posted = send("POST", "/api/v2/alerts", WRITE_TOKEN, """
                [{"labels": {"alertname": "CertExpiring", "host": "web-1"}},
                 {"labels": {}},
                 {"labels": {"alertname": "CertExpiring", "host": "web-2"}, "startsAt": "yesterday"}]
                """);

        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(posted.body()).asText())
                .contains("alert 1: an alert needs at least one label", "alert 2: field \"startsAt\"");
        JsonNode listed = await("the valid alert listed", () -> get("/api/v2/alerts?filter="
                + URLEncoder.encode("alertname=\"CertExpiring\"", StandardCharsets.UTF_8)), body -> body.size() > 0);
        assertThat(listed.findValuesAsText("host")).containsExactly("web-1");
        assertThat(send("GET", "/api/v2/alerts?filter=" + URLEncoder.encode("host=~\"(\"", StandardCharsets.UTF_8),
                READ_TOKEN, null).statusCode()).isEqualTo(400);
    }

    @Test
    void shouldTakeABatchAsLargeAsPrometheusSends() {
        // Prometheus sends up to 64 alerts at once; with long descriptions that is well over 64 KiB
        String description = "d".repeat(2_000);
        String batch = IntStream.range(0, 64).mapToObj(i -> """
                {"labels": {"alertname": "NodeDown", "node": "node-%d"}, "annotations": {"description": "%s"}}"""
                .formatted(i, description)).collect(Collectors.joining(",", "[", "]"));
        assertThat(batch.length()).isGreaterThan(128 * 1024);

        HttpResponse<String> posted = send("POST", "/api/v2/alerts", WRITE_TOKEN, batch);

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        await("the whole batch listed", () -> get("/api/v2/alerts?filter="
                + URLEncoder.encode("alertname=\"NodeDown\"", StandardCharsets.UTF_8)).size(), size -> size == 64);
    }

    private static JsonNode get(String path) {
        HttpResponse<String> response = send("GET", path, READ_TOKEN, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + router.httpPort() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int probe(String path) {
        return send("GET", path, READ_TOKEN, null).statusCode();
    }

    private static <T> T await(String what, java.util.function.Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            assertThat(System.nanoTime()).as("waiting for " + what + "; last seen: " + value).isLessThan(deadline);
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
