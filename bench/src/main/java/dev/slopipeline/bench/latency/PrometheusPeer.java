package dev.slopipeline.bench.latency;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The peer users would pick instead: Prometheus scraping the counter exporter, with the multi-window
 * multi-burn-rate rules as Sloth generates them, and Alertmanager with its default group wait sending
 * to the same local webhook. Both run as child processes on free ports with their own data folders.
 */
final class PrometheusPeer implements AutoCloseable {

    static final String[] RATIO_WINDOWS = {"5m", "30m", "1h", "2h", "6h", "1d", "3d"};

    private final Path folder;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Stops the children when the benchmark is interrupted (Ctrl-C), so no Prometheus outlives it. */
    private final Thread stopOnExit = new Thread(this::destroyAll, "bench-peer-stop");
    private int prometheusPort;
    private int alertmanagerPort;

    PrometheusPeer(Path folder) {
        this.folder = folder;
    }

    /** Starts Alertmanager, then Prometheus, and waits until both say they are ready. */
    void start(String prometheusBinary, String alertmanagerBinary, int exporterPort, String webhookUrl,
               Duration scrapeInterval, Duration evaluationInterval, Duration groupWait) throws IOException, InterruptedException {
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        alertmanagerPort = freePort();
        prometheusPort = freePort();
        Files.createDirectories(folder.resolve("alertmanager-data"));
        Files.createDirectories(folder.resolve("prometheus-data"));
        Files.writeString(folder.resolve("alertmanager.yml"), """
                route:
                  receiver: hook
                  group_by: [slo, severity]
                  group_wait: %s
                  group_interval: 5m
                  repeat_interval: 4h
                receivers:
                - name: hook
                  webhook_configs: [{url: '%s', send_resolved: false}]
                """.formatted(seconds(groupWait), webhookUrl));
        Files.writeString(folder.resolve("prometheus.yml"), """
                global:
                  scrape_interval: %s
                  evaluation_interval: %s
                rule_files: [rules.yml]
                alerting:
                  alertmanagers:
                  - static_configs: [{targets: ['127.0.0.1:%d']}]
                scrape_configs:
                - job_name: bench
                  static_configs: [{targets: ['127.0.0.1:%d']}]
                """.formatted(seconds(scrapeInterval), seconds(evaluationInterval), alertmanagerPort, exporterPort));
        Files.writeString(folder.resolve("rules.yml"), rules());
        processes.add(launch("alertmanager", List.of(alertmanagerBinary,
                "--config.file=" + folder.resolve("alertmanager.yml"),
                "--storage.path=" + folder.resolve("alertmanager-data"),
                "--web.listen-address=127.0.0.1:" + alertmanagerPort,
                "--cluster.listen-address=")));
        processes.add(launch("prometheus", List.of(prometheusBinary,
                "--config.file=" + folder.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + folder.resolve("prometheus-data"),
                "--web.listen-address=127.0.0.1:" + prometheusPort)));
        awaitReady("alertmanager", alertmanagerPort);
        awaitReady("prometheus", prometheusPort);
    }

    /**
     * Sloth's shape: per window a recording rule of the error ratio, then one page alert per SLO that holds
     * when (5m and 1h above 14.4 × budget) or (30m and 6h above 6 × budget); no {@code for:}, as Sloth.
     */
    static String rules() {
        StringBuilder out = new StringBuilder("groups:\n- name: slo-sli-recordings\n  rules:\n");
        for (String window : RATIO_WINDOWS) {
            out.append("""
                      - record: slo:sli_error:ratio_rate%1$s
                        expr: |
                          (sum(rate(%2$s[%1$s])) by (slo))
                          /
                          (sum(rate(%3$s[%1$s])) by (slo))
                        labels: {sloth_window: %1$s}
                    """.formatted(window, CounterExporter.ERRORS, CounterExporter.REQUESTS));
        }
        out.append("""
                - name: slo-alerts
                  rules:
                  - alert: SloErrorBudgetBurnPage
                    expr: |
                      (
                          max(slo:sli_error:ratio_rate5m > (14.4 * 0.001)) without (sloth_window)
                          and
                          max(slo:sli_error:ratio_rate1h > (14.4 * 0.001)) without (sloth_window)
                      )
                      or
                      (
                          max(slo:sli_error:ratio_rate30m > (6 * 0.001)) without (sloth_window)
                          and
                          max(slo:sli_error:ratio_rate6h > (6 * 0.001)) without (sloth_window)
                      )
                    labels: {severity: page}
                    annotations: {summary: "high error budget burn"}
                """);
        return out.toString();
    }

    private Process launch(String name, List<String> command) throws IOException {
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile())
                .start();
    }

    private void awaitReady(String name, int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see its log in " + folder);
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within 60 s; see its log in " + folder);
    }

    /** The first line of {@code binary --version}, for the report. */
    static String version(String binary) {
        try {
            Process process = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
            String first = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines().findFirst().orElse("unknown");
            process.waitFor();
            return first;
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + "s";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops Prometheus, then Alertmanager, politely first. */
    @Override
    public void close() {
        destroyAll();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException | IllegalArgumentException exitingOrNeverAdded) {
            // the JVM is exiting (the hook does the work) or start() was never called
        }
    }

    private void destroyAll() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
