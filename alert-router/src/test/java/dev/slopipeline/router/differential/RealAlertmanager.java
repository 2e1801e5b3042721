package dev.slopipeline.router.differential;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.router.delivery.LocalReceiver;
import dev.slopipeline.router.notification.LabelledAlert;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The real Alertmanager server (Debian's prometheus-alertmanager, which CI installs), started on a free port with a
 * data folder of its own and gossip off, and fed through its API v2 as Prometheus feeds it.
 */
final class RealAlertmanager implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);

    private final Process process;
    private final URI base;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private RealAlertmanager(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts it on {@code config} and returns once it answers {@code /-/ready}. */
    static RealAlertmanager start(String config, Path folder) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing; install Debian's prometheus-alertmanager package "
                    + "(.ci/run does)");
        }
        Path configFile = Files.writeString(folder.resolve("alertmanager.yml"), config);
        Path data = Files.createDirectories(folder.resolve("alertmanager-data"));
        Path log = folder.resolve("alertmanager.log");
        int port = LocalReceiver.unusedPort();
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + configFile,
                "--storage.path=" + data, "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RealAlertmanager alertmanager = new RealAlertmanager(process, URI.create("http://127.0.0.1:" + port), log);
        alertmanager.awaitReady();
        return alertmanager;
    }

    private void awaitReady() throws IOException {
        try {
            await("Alertmanager ready").atMost(READY_WITHIN).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(IOException.class) // ConnectException and kin: it opens its port a moment after it starts
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Alertmanager exited: " + Files.readString(log));
                        }
                        return http.send(HttpRequest.newBuilder(base.resolve("/-/ready")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("Alertmanager not ready within " + READY_WITHIN + ": " + Files.readString(log), e);
        }
    }

    /** Posts the alert as Prometheus would: a firing one without an end, a resolved one with its end. */
    void post(LabelledAlert alert) throws IOException, InterruptedException {
        ObjectNode item = json.createObjectNode();
        ObjectNode labels = item.putObject("labels");
        alert.labels().forEach(labels::put);
        item.put("startsAt", alert.startsAt().toString());
        if (alert.resolved()) {
            item.put("endsAt", alert.endsAt().toString());
        }
        ArrayNode body = json.createArrayNode().add(item);
        send("/api/v2/alerts", body.toString());
    }

    /** @param matchers label name to the value it must equal */
    void silence(Map<String, String> matchers, Instant endsAt) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("matchers");
        matchers.forEach((name, value) -> list.addObject().put("name", name).put("value", value)
                .put("isRegex", false).put("isEqual", true));
        body.put("startsAt", Instant.now().toString()).put("endsAt", endsAt.toString())
                .put("createdBy", "differential test").put("comment", "scenario step");
        send("/api/v2/silences", body.toString());
    }

    private void send(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Alertmanager refused " + path + " (" + response.statusCode() + "): "
                    + response.body());
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
