package dev.slopipeline.faults.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.faults.Await;
import dev.slopipeline.faults.OwnTopics;
import dev.slopipeline.faults.receiver.WebhookReceiver.Mode;
import dev.slopipeline.faults.receiver.WebhookReceiver.Received;
import dev.slopipeline.faults.scenario.IncidentPlayer;
import dev.slopipeline.faults.scenario.Journeys;
import dev.slopipeline.faults.scenario.QuickRouter;
import dev.slopipeline.router.app.RouterApp;
import dev.slopipeline.streams.app.SloPipeline;
import dev.slopipeline.streams.app.StreamsApp;
import dev.slopipeline.streams.app.StreamsAppConfig;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline (streams app and router on a real broker) paging a receiver that is down, then hangs past
 * the router's timeout, then drops every other request: the page waits visibly in the pending API and metrics,
 * the audit copy takes the configured fallback, and afterwards every page and resolve arrives once, signed.
 */
@Tag("integration")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ReceiverOutageTest {

    private static final String SECRET = "hmac-key-for-the-pager";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    static final SharedKafka kafka = new SharedKafka();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldDeliverEveryPageAndResolveOnceAfterTheReceiverRecovers() throws Exception {
        OwnTopics own = OwnTopics.named("receiver-outage");
        try (WebhookReceiver pager = WebhookReceiver.start(SECRET);
             WebhookReceiver backup = WebhookReceiver.start(null)) {
            pager.mode(Mode.REFUSE);
            Path definitions = Files.createDirectories(dir.resolve("definitions"));
            Files.writeString(definitions.resolve("journeys.yaml"), Journeys.yaml(1));
            StreamsAppConfig streamsConfig = own.streams(StreamsAppConfig.builder()).bootstrapServers(kafka.bootstrapServers())
                    .stateDir(dir.resolve("streams")).httpPort(0).definitionsDir(definitions).set("topics.partitions", "1").build();
            Path routerConfig = Files.writeString(dir.resolve("router.yml"), routerYaml(pager, backup));
            try (StreamsApp streams = SloPipeline.start(streamsConfig);
                 RouterApp router = RouterApp.start(
                         own.router(QuickRouter.settings(kafka.bootstrapServers(), routerConfig, dir.resolve("router"))).build());
                 IncidentPlayer player = new IncidentPlayer(kafka.bootstrapServers(), streamsConfig.topics().requests(),
                         Duration.ofMillis(300), Map.of())) {
                Await.until("the streams app to run", WAIT, () -> streams.state() == KafkaStreams.State.RUNNING);
                Await.until("the router ready", WAIT, () -> get(router, "/readyz").statusCode() == 200);

                // 1. The pager refuses: its page waits in the pending API and metrics; the audit copy fails over.
                player.outage(1);
                Await.until("the audit copy of the page at the fallback receiver", WAIT,
                        () -> !backup.deliveredPages("firing").isEmpty());
                Await.until("the page pending for the pager with its last error", WAIT, () -> {
                    String pending = get(router, "/api/v1/deliveries/pending").body();
                    return pending.contains("\"receiver\":\"pager") && pending.contains("HTTP 503");
                });
                assertThat(pendingGauge(router)).as("slo_router_deliveries_pending while the pager is down").isGreaterThan(0);
                assertThat(pager.deliveredPages("firing")).isEmpty();

                // 2. The pager hangs past the router's 10 s timeout, then answers, dropping every other request.
                pager.hangFor(Duration.ofSeconds(11));
                pager.mode(Mode.HANG);
                Await.until("a request to hang", WAIT, () -> pager.received().stream().anyMatch(r -> r.answer() == 0));
                pager.dropEvery(2);
                pager.mode(Mode.ACCEPT);
                Await.until("the page at the pager", WAIT, () -> !pager.deliveredPages("firing").isEmpty());

                // 3. The incident ends: the resolve reaches both.
                player.recover(1);
                Await.until("the resolve at the pager and at the fallback", WAIT,
                        () -> !pager.deliveredPages("resolved").isEmpty() && !backup.deliveredPages("resolved").isEmpty());
                Await.until("nothing pending", WAIT, () -> get(router, "/api/v1/deliveries/pending").body().contains("\"pending\":[]"));

                assertThat(pager.duplicatedKeys()).as("keys the pager accepted twice").isEmpty();
                assertThat(backup.duplicatedKeys()).as("keys the fallback accepted twice").isEmpty();
                assertThat(pager.deliveredPages("firing")).extracting(WebhookReceiver.Page::slo).containsExactly(Journeys.slo(1));
                assertThat(pager.deliveredPages("resolved")).extracting(WebhookReceiver.Page::slo).containsExactly(Journeys.slo(1));
                List<Received> requests = pager.received();
                assertThat(requests).as("every request to the pager is signed with the shared secret")
                        .allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
                assertThat(requests.stream().filter(r -> !r.delivered()).count()).as("refused, hung or dropped attempts").isGreaterThan(2);
            }
        }
    }

    private String routerYaml(WebhookReceiver pager, WebhookReceiver backup) throws IOException {
        Path secret = Files.writeString(dir.resolve("pager.hmac"), SECRET);
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        return """
                route:
                  receiver: audit
                  group_by: [slo, severity]
                  group_wait: 1s
                  group_interval: 2s
                  repeat_interval: 1h
                  routes:
                  - {matchers: [severity="page"], receiver: pager, continue: true}
                  - {receiver: audit}
                receivers:
                - name: pager
                  webhook_configs: [{url: '%s', slo_signing_secret_file: '%s'}]
                - name: audit
                  fallback: audit-backup
                  webhook_configs: [{url: 'http://127.0.0.1:%d/audit'}]
                - name: audit-backup
                  webhook_configs: [{url: '%s'}]
                delivery: {retry_initial_backoff: 200ms, retry_max_backoff: 1s, attempts_before_failover: 3}
                """.formatted(pager.url("/pager"), secret, closed, backup.url("/audit"));
    }

    private double pendingGauge(RouterApp router) {
        return get(router, "/metrics").body().lines().filter(line -> line.startsWith("slo_router_deliveries_pending"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private HttpResponse<String> get(RouterApp router, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + router.httpPort() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
