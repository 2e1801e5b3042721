package dev.slopipeline.router.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.delivery.LocalReceiver;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's prometheus package) with the router as its Alertmanager, authorised by the router's
 * write token: the alert of a rule that fires is sent to {@code /api/v2/alerts}, routed, and reaches a webhook
 * receiver; once the rule stops firing, Prometheus sends the resolve and the receiver hears it.
 */
@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PrometheusToRouterTest {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final String WRITE_TOKEN = "prometheus-test-write-token";
    private static final String SUFFIX = SharedKafka.unique(".prometheus");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final BrokerFixture broker = new BrokerFixture();

    @TempDir
    Path folder;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldDeliverTheAlertOfAFiringRuleAndItsResolveWhenTheRuleStops() throws Exception {
        AtomicInteger backupLate = new AtomicInteger(1);
        HttpServer target = metricTarget(backupLate);
        try (LocalReceiver hook = LocalReceiver.answering(200);
             RouterApp router = startRouter(hook)) {
            Process prometheus = startPrometheus(router.httpPort(), target.getAddress().getPort());
            try {
                JsonNode firing = awaitNotification(hook, "firing");
                JsonNode alert = firing.path("alerts").get(0);
                assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("BackupLate");
                assertThat(alert.path("labels").path("team").asText()).isEqualTo("storage");
                assertThat(alert.path("labels").path("job").asText()).isEqualTo("backup");
                assertThat(alert.path("annotations").path("summary").asText()).isEqualTo("the nightly backup is late");

                backupLate.set(0);

                JsonNode resolved = awaitNotification(hook, "resolved");
                assertThat(resolved.path("alerts").get(0).path("labels").path("alertname").asText())
                        .isEqualTo("BackupLate");
                assertThat(resolved.path("alerts").get(0).path("endsAt").asText()).isNotEmpty();
            } finally {
                prometheus.destroy();
                prometheus.waitFor(20, TimeUnit.SECONDS);
            }
        } finally {
            target.stop(0);
        }
    }

    private RouterApp startRouter(LocalReceiver hook) throws InterruptedException {
        return RouterApp.start(RouterAppConfig.builder().bootstrapServers(broker.bootstrapServers())
                        .set(RouterAppKeys.APPLICATION_ID, "router" + SUFFIX)
                        .set(RouterAppKeys.STATE_DIR, folder.resolve("state"))
                        .topics(RouterTopics.withSuffix(SUFFIX))
                        .set(RouterAppKeys.TOPIC_DELIVERIES, "router.deliveries" + SUFFIX)
                        .set(RouterAppKeys.PARTITIONS, 2)
                        .set(RouterAppKeys.HTTP_PORT, 0)
                        .set(RouterAppKeys.PUNCTUATION_INTERVAL, Duration.ofMillis(200))
                        .set(RouterAppKeys.API_TOKEN, WRITE_TOKEN)
                        .build(),
                RouterConfigLoader.parse("router.yml", """
                        route:
                          receiver: storage
                          group_by: [alertname]
                          group_wait: 1s
                          group_interval: 1s
                          repeat_interval: 1h
                        receivers:
                        - name: storage
                          webhook_configs: [{url: '%s', send_resolved: true}]
                        """.formatted(hook.url("/hook"))).orElseThrow());
    }

    /** Serves {@code backup_late} with the switch's value, for Prometheus to scrape. */
    private static HttpServer metricTarget(AtomicInteger value) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = ("# TYPE backup_late gauge\nbackup_late " + value.get() + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private Process startPrometheus(int routerPort, int targetPort) throws IOException {
        if (!Files.isExecutable(PROMETHEUS)) {
            throw new IllegalStateException(PROMETHEUS + " is missing: apt-get install prometheus (.ci/run does)");
        }
        Path rules = Files.writeString(folder.resolve("rules.yml"), """
                groups:
                - name: backups
                  rules:
                  - alert: BackupLate
                    expr: backup_late == 1
                    labels: {team: storage}
                    annotations: {summary: the nightly backup is late}
                """);
        // the alerting block as README shows it, with the router's write token
        Path config = Files.writeString(folder.resolve("prometheus.yml"), """
                global: {scrape_interval: 1s, evaluation_interval: 1s}
                rule_files: ['%s']
                alerting:
                  alertmanagers:
                  - api_version: v2
                    authorization: {type: Bearer, credentials: %s}
                    static_configs: [{targets: ['127.0.0.1:%d']}]
                scrape_configs:
                - job_name: backup
                  static_configs: [{targets: ['127.0.0.1:%d']}]
                """.formatted(rules, WRITE_TOKEN, routerPort, targetPort));
        return new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + Files.createDirectories(folder.resolve("tsdb")),
                "--web.listen-address=127.0.0.1:" + freePort())
                .redirectErrorStream(true).redirectOutput(folder.resolve("prometheus.log").toFile()).start();
    }

    /** The first webhook notification with this status; fails with Prometheus' log after {@link #WAIT}. */
    private JsonNode awaitNotification(LocalReceiver hook, String status) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> found = hook.requests().stream().map(request -> read(request.body()))
                    .filter(body -> body.path("status").asText().equals(status)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("no " + status + " notification within " + WAIT + "; got " + hook.requests().size()
                + " requests. Prometheus' log:\n" + Files.readString(folder.resolve("prometheus.log")));
    }

    private JsonNode read(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
