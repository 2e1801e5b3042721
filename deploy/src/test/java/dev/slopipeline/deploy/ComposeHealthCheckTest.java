package dev.slopipeline.deploy;

import static dev.slopipeline.deploy.DeployYaml.list;
import static dev.slopipeline.deploy.DeployYaml.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.kit.config.ConfigLayers;
import dev.slopipeline.router.app.RouterAppKeys;
import dev.slopipeline.run.Pipeline;
import dev.slopipeline.run.RunKeys;
import dev.slopipeline.run.RunSettings;
import dev.slopipeline.streams.app.StreamsAppKeys;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health checks of docker-compose.yml, run as Docker runs them ({@code CMD} as given, {@code CMD-SHELL} under
 * {@code /bin/sh -c}, which is dash here as in the image's Ubuntu) against the real apps and a real Prometheus
 * on this machine, their ports moved to free ones: healthy once ready, unhealthy where nothing answers. Kafka's and
 * Grafana's need their images and are only checked to exist.
 */
class ComposeHealthCheckTest {

    /** Run once and exit: a health check would only ever say starting. */
    private static final Set<String> ONE_SHOTS = Set.of("definitions", "router-tokens");
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

    private static final Map<String, Object> SERVICES = services();

    @TempDir
    Path dir;

    @Test
    void shouldGiveEveryLongRunningServiceAHealthCheckThatItsShellCanRun() {
        SERVICES.forEach((name, service) -> {
            if (ONE_SHOTS.contains(name)) {
                assertThat(map(service)).doesNotContainKey("healthcheck");
                return;
            }
            List<Object> test = list(map(map(service), "healthcheck"), "test");

            assertThat(test.get(0)).as(name).isIn("CMD", "CMD-SHELL");
            if (String.valueOf(test).contains("/dev/tcp")) {
                assertThat(test.subList(0, 3)).as(name + ": /dev/tcp is bash's, plain sh has none").containsExactly("CMD", "bash", "-c");
            }
        });
    }

    @Test
    void shouldHandTheRouterAndPrometheusTheTokensTheOneShotMakesOnce() throws Exception {
        Map<String, Object> maker = map(SERVICES.get("router-tokens"));
        List<Object> entrypoint = list(maker, "entrypoint");
        String made = String.valueOf(entrypoint.get(entrypoint.size() - 1));
        assertThat(list(maker, "volumes")).contains("router-secrets:" + made);

        Map<String, Object> router = map(SERVICES.get("router"));
        String routerSees = mountOf(router, "router-secrets");
        assertThat(map(router, "environment")).containsEntry("SLO_PIPELINE_ROUTER_API_TOKENS_FILE", routerSees + "/router-api-tokens");
        assertThat(map(router, "depends_on")).containsKey("router-tokens");

        Map<String, Object> prometheus = map(SERVICES.get("prometheus"));
        String prometheusSees = mountOf(prometheus, "router-secrets");
        Map<String, Object> config = map(DeployYaml.documents(PromQlMetrics.DEPLOY.resolve("prometheus/prometheus.yml")).get(0));
        Map<String, Object> authorization = map(map(list(map(config, "alerting"), "alertmanagers").get(0)), "authorization");
        assertThat(authorization).containsEntry("credentials_file", prometheusSees + "/prometheus-token");

        // as the one-shot runs on every `docker compose up`: the second run keeps what the first made
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        assertThat(entrypoint).containsExactly("bash", "/etc/slo-pipeline/" + RouterTokensScript.SCRIPT.getFileName(), made);
        RouterTokensScript.run(secrets);
        String first = Files.readString(secrets.resolve("router-api-tokens"));
        RouterTokensScript.run(secrets);

        assertThat(Files.readString(secrets.resolve("router-api-tokens"))).isEqualTo(first);
        String prometheusToken = Files.readString(secrets.resolve("prometheus-token")).strip();
        String adminToken = Files.readString(secrets.resolve("admin-token")).strip();
        assertThat(prometheusToken).matches("[0-9a-f]{48}").isNotEqualTo(adminToken);
        assertThat(first).contains("prometheus write " + prometheusToken, "admin write " + adminToken);
    }

    @Tag("integration")
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    @Test
    void shouldFindTheStreamsAppAndTheRouterHealthyOnceReadyAndNotWhereNothingAnswers() throws Exception {
        int nothing = freePort();
        assertThat(healthCheck("streams", 8080, nothing).exitCode()).as("streams, nothing listening").isNotZero();
        assertThat(healthCheck("router", 9095, nothing).exitCode()).as("router, nothing listening").isNotZero();

        try (Pipeline pipeline = Pipeline.builder(settings()).start()) {
            pipeline.awaitReady(Duration.ofMinutes(2));
            int streams = pipeline.streamsUrl().map(URI::getPort).orElseThrow();
            int router = pipeline.routerUrl().map(URI::getPort).orElseThrow();

            InstalledTool.Run streamsCheck = healthCheck("streams", 8080, streams);
            InstalledTool.Run routerCheck = healthCheck("router", 9095, router);

            assertThat(streamsCheck.exitCode()).as("streams: " + streamsCheck.output()).isZero();
            assertThat(routerCheck.exitCode()).as("router: " + routerCheck.output()).isZero();
        }
    }

    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @Test
    void shouldFindPrometheusWithTheComposeConfigHealthyOnceReady() throws Exception {
        if (!Files.isExecutable(PROMETHEUS)) {
            throw new IllegalStateException(PROMETHEUS + " is missing: apt-get install prometheus");
        }
        int port = freePort();
        Process prometheus = new ProcessBuilder(PROMETHEUS.toString(),
                "--config.file=" + PromQlMetrics.DEPLOY.resolve("prometheus/prometheus.yml"),
                "--storage.tsdb.path=" + Files.createDirectories(dir.resolve("tsdb")), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            InstalledTool.Run check = Await.until(Duration.ofSeconds(30), () -> healthCheck("prometheus", 9090, port),
                    run -> run.exitCode() == 0);

            assertThat(check.exitCode()).as(Files.readString(dir.resolve("prometheus.log"))).isZero();
        } finally {
            prometheus.destroy();
            prometheus.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** The service's health check as Docker would run it, aimed at {@code port} instead of the container's. */
    private static InstalledTool.Run healthCheck(String service, int containerPort, int port) {
        List<String> test = list(map(map(SERVICES.get(service)), "healthcheck"), "test").stream()
                .map(part -> String.valueOf(part).replace(String.valueOf(containerPort), String.valueOf(port))).toList();
        List<String> command = new ArrayList<>(test.get(0).equals("CMD-SHELL") ? List.of("/bin/sh", "-c") : List.of());
        command.addAll(test.subList(1, test.size()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as(service + " health check within its 5 s timeout").isTrue();
            return new InstalledTool.Run(process.exitValue(), output);
        } catch (IOException e) {
            return new InstalledTool.Run(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where {@code service} mounts the named volume, read-only. */
    private static String mountOf(Map<String, Object> service, String volume) {
        return list(service, "volumes").stream().map(String::valueOf).filter(mount -> mount.startsWith(volume + ":"))
                .map(mount -> mount.substring(volume.length() + 1)).peek(mount -> assertThat(mount).endsWith(":ro"))
                .map(mount -> mount.substring(0, mount.length() - ":ro".length())).findFirst()
                .orElseThrow(() -> new AssertionError(volume + " is not mounted: " + service.get("volumes")));
    }

    private RunSettings settings() {
        return RunSettings.from(new ConfigLayers()
                .flag(RunKeys.DATA_DIR.name(), dir.resolve("data").toString(), "test")
                .flag(RunKeys.BROKER_PORT.name(), "0", "test")
                .flag(StreamsAppKeys.HTTP_PORT.name(), "0", "test")
                .flag(RouterAppKeys.HTTP_PORT.name(), "0", "test")
                .flag(RunKeys.UI_PORT.name(), "off", "test")
                .flag(StreamsAppKeys.TOPIC_PARTITIONS.name(), "1", "test")
                .flag(RouterAppKeys.PARTITIONS.name(), "1", "test"));
    }

    private static Map<String, Object> services() {
        try {
            return map(map(DeployYaml.documents(PromQlMetrics.DEPLOY.resolve("docker-compose.yml")).get(0)), "services");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
