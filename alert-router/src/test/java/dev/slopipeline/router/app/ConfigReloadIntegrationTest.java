package dev.slopipeline.router.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.delivery.LocalReceiver;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A running router follows its config file: a good change reroutes the next alert, a broken one changes nothing. */
@Tag("integration")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConfigReloadIntegrationTest {

    private static final String RUN = SharedKafka.unique("");
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String WRITE_TOKEN = "reload-write-token";

    @RegisterExtension
    static final BrokerFixture broker = new BrokerFixture();

    @TempDir
    Path folder;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    private static String config(LocalReceiver hook, String groupWait) {
        return """
                route:
                  receiver: pager
                  group_by: [slo]
                  group_wait: %s
                  group_interval: 2s
                  repeat_interval: 1h
                receivers:
                - name: pager
                  webhook_configs: [{url: '%s'}]
                delivery: {retry_initial_backoff: 200ms, retry_max_backoff: 400ms}
                """.formatted(groupWait, hook.url("/hook"));
    }

    @Test
    void shouldRouteTheNextAlertByTheChangedFileAndKeepTheLastGoodConfigWhenItBreaks(TestInfo test) throws Exception {
        try (LocalReceiver before = LocalReceiver.answering(200);
             LocalReceiver after = LocalReceiver.answering(200)) {
            Path file = folder.resolve("router.yml");
            replace(file, config(before, "500ms"));
            try (RouterApp app = start(file, test)) {
                String topic = topics(test).alerts();
                send(topic, "checkout-availability");
                before.awaitRequests(1, WAIT);

                String firstHash = get(app, ConfigEndpoints.STATUS_PATH).path("lastReload").path("sha256").asText();
                replace(file, config(after, "500ms"));
                await("the changed file live", () -> get(app, ConfigEndpoints.STATUS_PATH),
                        status -> status.path("lastReload").path("successful").asBoolean()
                                && !status.path("lastReload").path("sha256").asText().equals(firstHash));
                send(topic, "search-latency");
                after.awaitRequests(1, WAIT);

                replace(file, config(after, "500ms").replace("receiver: pager", "receiver: nobody"));
                JsonNode refused = await("the broken file refused", () -> get(app, ConfigEndpoints.STATUS_PATH),
                        status -> !status.path("lastReload").path("successful").asBoolean(true));
                assertThat(refused.path("lastReload").path("problems")).extracting(JsonNode::asText)
                        .anySatisfy(problem -> assertThat(problem)
                                .matches(".*router\\.yml:\\d+:\\d+: .*")
                                .contains("nobody"));
                assertThat(metrics(app)).contains("slo_router_config_last_reload_successful 0.0")
                        .contains("slo_router_config_last_reload_success_timestamp_seconds")
                        .contains("slo_router_config_reloads_failed_total 1.0");
                HttpResponse<String> forced = http.send(HttpRequest.newBuilder(uri(app, ConfigEndpoints.RELOAD_PATH))
                        .header("Authorization", "Bearer " + WRITE_TOKEN)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(forced.statusCode()).isEqualTo(400);
                assertThat(forced.body()).contains("previous config stays live", "nobody");
                assertThat(metrics(app)).contains("slo_router_config_reloads_failed_total 2.0");

                send(topic, "login-availability");
                after.awaitRequests(2, WAIT);
                assertThat(before.requests()).as("the first config's receiver heard only the first alert").hasSize(1);
                assertThat(json.readTree(after.requests().get(1).body()).path("commonLabels").path("slo").asText())
                        .isEqualTo("login-availability");
            }
        }
    }

    @Test
    void shouldDeliverAGroupWaitingAcrossAReloadOnceToTheNewReceiver(TestInfo test) throws Exception {
        try (LocalReceiver before = LocalReceiver.answering(200);
             LocalReceiver after = LocalReceiver.answering(200)) {
            Path file = folder.resolve("router.yml");
            replace(file, config(before, "6s"));
            try (RouterApp app = start(file, test)) {
                send(topics(test).alerts(), "checkout-availability");
                // Processed (its offset committed with the open group, exactly once) but not yet due.
                await("the alert taken into a group", () -> committedAlerts(test), offset -> offset == 1L);

                replace(file, config(after, "6s"));
                HttpResponse<String> reloaded = http.send(HttpRequest.newBuilder(uri(app, ConfigEndpoints.RELOAD_PATH))
                        .header("Authorization", "Bearer " + WRITE_TOKEN)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);

                after.awaitRequests(1, WAIT);
                assertThat(json.readTree(after.requests().get(0).body()).path("commonLabels").path("slo").asText())
                        .isEqualTo("checkout-availability");
                assertThat(before.requests()).as("nothing for the receiver the reload replaced").isEmpty();
            }
        }
    }

    private RouterApp start(Path file, TestInfo test) throws InterruptedException {
        RouterApp app = RouterApp.start(RouterAppConfig.builder().bootstrapServers(broker.bootstrapServers())
                .set(RouterAppKeys.APPLICATION_ID, "reload-it-" + name(test))
                .set(RouterAppKeys.STATE_DIR, folder.resolve("state"))
                .topics(topics(test))
                .set(RouterAppKeys.TOPIC_DELIVERIES, "router.deliveries." + name(test))
                .set(RouterAppKeys.PARTITIONS, 1)
                .set(RouterAppKeys.HTTP_PORT, 0)
                .set(RouterAppKeys.PUNCTUATION_INTERVAL, Duration.ofMillis(200))
                .set(RouterAppKeys.API_TOKEN, WRITE_TOKEN)
                .set(RouterAppKeys.CONFIG, file)
                .set(RouterAppKeys.CONFIG_CHECK_INTERVAL, Duration.ofMillis(200))
                .build());
        await("the router ready", () -> status(app, "/readyz"), code -> code == 200);
        return app;
    }

    /** The test's own names, new in every run, as the cluster may be one that earlier runs used. */
    private static String name(TestInfo test) {
        return test.getTestMethod().orElseThrow().getName() + RUN;
    }

    private static RouterTopics topics(TestInfo test) {
        return RouterTopics.withSuffix("." + name(test));
    }

    private void send(String topic, String slo) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Alert alert = new Alert(Alert.id(slo, Severity.PAGE, now), slo, "storefront", "checkout", Severity.PAGE,
                AlertState.FIRING, now, now, new Alert.Windows(Duration.ofHours(1), Duration.ofMinutes(5)),
                new Alert.BurnRate(20.1, 35.2), 14.4, List.of("page-fast"), 0.83, null, Map.of(), Map.of(), List.of(),
                List.of());
        broker.send(topic, alert);
    }

    private static long committedAlerts(TestInfo test) {
        return broker.committed("reload-it-" + name(test), topics(test).alerts()).orElse(-1);
    }

    private static URI uri(RouterApp app, String path) {
        return URI.create("http://127.0.0.1:" + app.httpPort() + path);
    }

    /** With the router's one token: the config status is operational detail, which needs a token to read. */
    private HttpResponse<String> call(RouterApp app, String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(app, path)).header("Authorization", "Bearer " + WRITE_TOKEN)
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int status(RouterApp app, String path) {
        return call(app, path).statusCode();
    }

    private JsonNode get(RouterApp app, String path) {
        try {
            return json.readTree(call(app, path).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String metrics(RouterApp app) {
        return call(app, "/metrics").body();
    }

    /**
     * Writes {@code file} as deployment tools do, whole at once (a new file moved over it): the reloader polls it, and
     * on a busy machine it read a file written in place while it was still empty.
     */
    private static void replace(Path file, String content) throws IOException {
        Path written = Files.writeString(file.resolveSibling(file.getFileName() + ".new"), content);
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static <T> T await(String what, java.util.function.Supplier<T> value, Predicate<T> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = value.get();
        while (!condition.test(last)) {
            assertThat(System.nanoTime()).as("waiting for %s; last seen: %s", what, last).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
            last = value.get();
        }
        return last;
    }
}
