package dev.slopipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.kit.config.ConfigLayers;
import dev.slopipeline.run.Pipeline;
import dev.slopipeline.run.RunSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code slo run}: its configuration as a user sees it, and the whole pipeline started on an embedded broker. */
class RunCommandTest {

    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {
    }

    private static Run slo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SloCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void shouldPrintTheEffectiveConfigurationWithFlagsOverTheFileAndSecretsMasked() throws IOException {
        Path config = folder.resolve("slo-pipeline.yml");
        Files.writeString(config, """
                http.port: 8181
                router:
                  http.port: 9191
                  api.token: letmein
                kafka:
                  security.protocol: SASL_SSL
                  sasl.jaas.config: org.apache.kafka.common.security.plain.PlainLoginModule required password="hunter2";
                  ssl.keystore.key: "-----BEGIN PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9w0"
                """);

        Run run = slo("run", "--print-config", "--config", config.toString(), "--http-port", "8282",
                "--data-dir", folder.resolve("pipeline").toString(), "-s", "topics.partitions=6");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("http.port = 8282", "router.http.port = 9191", "topics.partitions = 6",
                "kafka.security.protocol = SASL_SSL", "kafka.sasl.jaas.config = ******", "router.api.token = ******",
                "bootstrap.servers = (embedded broker)",
                "state.dir = " + folder.resolve("pipeline").resolve("streams"),
                "router.state.dir = " + folder.resolve("pipeline").resolve("router"));
        assertThat(run.out()).doesNotContain("hunter2", "letmein", "MIIEvQIBADANBgkqhkiG9w0").contains("kafka.ssl.keystore.key = ******");
    }

    @Test
    void shouldListEveryConfigurationMistakeWithWhereItWasMade() throws IOException {
        Path config = folder.resolve("slo-pipeline.properties");
        Files.writeString(config, "router.http.port=ninety\nrouter.htp.port=9\n");

        Run run = slo("run", "--print-config", "--config", config.toString(), "-s", "processing.guarantee=maybe");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("invalid configuration",
                "router.http.port (file " + config + ") must be a whole number from 0 to 65535, got \"ninety\"",
                "router.htp.port (file " + config + ") is not a setting",
                "processing.guarantee");
    }

    @ParameterizedTest
    @ValueSource(strings = {"streams", "router"})
    void shouldRefuseToRunOneComponentAloneWithoutAKafkaCluster(String component) {
        Path data = folder.resolve("data");

        Run run = slo("run", component, "--data-dir", data.toString(), "--http-port", "0", "--router-port", "0");
        Run printed = slo("run", component, "--print-config", "--data-dir", data.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("slo run " + component + ": bootstrap.servers is not set",
                "SLO_PIPELINE_BOOTSTRAP_SERVERS", "--bootstrap-servers", "'slo run'");
        assertThat(data).as("no broker started, no state written").doesNotExist();
        assertThat(printed.exitCode()).isEqualTo(2);
        assertThat(printed.out()).doesNotContain("(embedded broker)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"streams", "router"})
    void shouldRunOneComponentAloneOnTheClusterOfBootstrapServers(String component) {
        Run run = slo("run", component, "--print-config", "--bootstrap-servers", "kafka-1:9092,kafka-2:9092");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("bootstrap.servers = kafka-1:9092,kafka-2:9092");
    }

    @Test
    void shouldLetApplyReadTheSameFileAsRun() throws IOException {
        Path config = folder.resolve("slo-pipeline.yml");
        Files.writeString(config, "router: {http.port: 9191}\ndata.dir: " + folder + "\n");

        Run run = slo("apply", "--dry-run", "--config", config.toString(), "--bootstrap-servers", "127.0.0.1:1",
                "--timeout", "PT1S", "../slo-definitions/examples");

        assertThat(run.err()).doesNotContain("invalid configuration", "not a setting");
    }

    @Tag("integration")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @Test
    void shouldStartEverythingOnAnEmbeddedBrokerAndRefuseASecondRunOnTheSameData() throws Exception {
        Path data = folder.resolve("data");
        RunSettings settings = RunSettings.from(new ConfigLayers()
                .flag("data.dir", data.toString(), "--data-dir")
                .flag("broker.port", "0", "--broker-port")
                .flag("http.port", "0", "--http-port")
                .flag("router.http.port", "0", "--router-port")
                .flag("ui.port", "0", "--ui-port")
                .flag("ui.host", "slo.example.com", "--set ui.host"));

        try (Pipeline pipeline = Pipeline.builder(settings).start()) {
            pipeline.awaitReady(Duration.ofSeconds(90));
            Run second = slo("run", "--data-dir", data.toString(), "--broker-port", "0", "--http-port", "0", "--router-port", "0",
                    "--ui-port", "0");

            assertThat(pipeline.readyLine()).matches("slo-pipeline ready: broker localhost:\\d+, "
                    + "streams http://localhost:\\d+, router http://localhost:\\d+, web UI http://localhost:\\d+/");
            assertThat(get(pipeline.webUiUrl().orElseThrow().resolve("/api/v1/silences"))).as("the UI reaches the router").isEqualTo(200);
            int uiPort = pipeline.webUiUrl().orElseThrow().getPort();
            assertThat(statusLine(uiPort, "slo.example.com:" + uiPort)).as("a name given in ui.host").contains(" 200 ");
            assertThat(statusLine(uiPort, "elsewhere.example:" + uiPort)).as("any other name").contains(" 403 ");
            assertThat(get(pipeline.streamsUrl().orElseThrow().resolve("/readyz"))).isEqualTo(200);
            assertThat(get(pipeline.routerUrl().orElseThrow().resolve("/readyz"))).isEqualTo(200);
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err()).contains("already running the streams app with the data in " + data.toAbsolutePath(),
                    "pid " + ProcessHandle.current().pid());
        }
        assertThat(Files.list(data).map(path -> path.getFileName().toString())).contains("kafka", "streams", "router");
    }

    /** The status line of {@code GET /ui-config} for this Host, over a plain socket: a client library would set its own. */
    private static String statusLine(int port, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /ui-config HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1).lines().findFirst()
                    .orElse("");
        }
    }

    private static int get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
