package dev.slopipeline.deploy;

import static dev.slopipeline.deploy.DeployYaml.list;
import static dev.slopipeline.deploy.DeployYaml.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.demo.WebhookSink;
import dev.slopipeline.kit.config.ConfigLayers;
import dev.slopipeline.router.app.RouterAppKeys;
import dev.slopipeline.run.Pipeline;
import dev.slopipeline.run.RunKeys;
import dev.slopipeline.run.RunSettings;
import dev.slopipeline.streams.app.StreamsAppKeys;
import dev.slopipeline.streams.app.StreamsAppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The pipeline as Prometheus sees it, on the embedded broker: after a scripted incident (10 % errors against a
 * 99 % objective) both apps' /metrics pass {@code promtool check metrics}, and a real Prometheus (Debian's
 * {@code prometheus}) scraping them with the shipped rule files holds the SLO's SLI and budget with the values the
 * incident makes, the Sloth-compatible series, and an answer to every query of the shipped dashboards. That
 * Prometheus runs the shipped compose config (intervals shortened, addresses moved to this machine) with the router
 * as its Alertmanager, under the write token compose's {@code router-tokens.sh} makes: an alert of its rules reaches
 * the router.
 */
@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PrometheusEndToEndTest {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final String SLO = "checkout-availability";
    /** 99 % of checkouts below status 500 over 30 days: an error budget of 1 %. */
    private static final String DEFINITIONS = """
            apiVersion: slo-pipeline/v1
            kind: Service
            metadata: {name: shop}
            spec: {owner: team-shop, tier: 1}
            ---
            apiVersion: slo-pipeline/v1
            kind: SLO
            metadata: {name: checkout-availability}
            spec: {service: shop, journey: checkout, objective: 99, window: 30d, indicator: {
                match: [{service: checkout-api, operation: "POST /checkout"}], good: {status: {below: 500}}}}
            """;
    private static final String ROUTER = """
            route:
              receiver: team-shop
              group_by: [slo, severity]
              group_wait: 0s
            receivers:
            - name: team-shop
              webhook_configs: [{url: '%s'}]
            """;

    /** A rule of the test's own that fires at once, added to the shipped rule files. */
    private static final String PROMETHEUS_ALERT = "AlwaysFiringForTheRouter";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldShowTheIncidentInPrometheusAndAnswerEveryDashboardQuery() throws Exception {
        try (WebhookSink sink = WebhookSink.start(0, notification -> { });
             Pipeline pipeline = start(sink)) {
            URI streams = pipeline.streamsUrl().orElseThrow();
            URI router = pipeline.routerUrl().orElseThrow();

            // the incident: 900 good and 100 bad checkouts, 10 times the budget's error ratio of 1 %, and an event
            // the pipeline cannot read
            StreamsAppConfig config = pipeline.settings().streams();
            send(config, new EventCodec().encode(checkouts(900, 200)));
            send(config, new EventCodec().encode(checkouts(100, 503)));
            send(config, "{\"service\": 42}".getBytes(StandardCharsets.UTF_8));
            Await.until(Duration.ofSeconds(60), () -> scrape(streams), text -> text.contains("slo_sli_ratio{journey=\"checkout\",service=\"shop\",slo=\"" + SLO + "\"} 0.9"));
            Await.until(Duration.ofSeconds(60), sink::received, received -> !received.isEmpty());
            Await.until(Duration.ofSeconds(30), () -> scrape(router), text -> text.contains("slo_router_delivery_latency_seconds_bucket{"));
            Await.until(Duration.ofSeconds(30), () -> scrape(streams), text -> text.contains("slo_events_dead_lettered_total{"));

            // both apps' exposition as Prometheus's own linter reads it, and every name the rules and dashboards need
            for (URI app : new URI[] {streams, router}) {
                Path scraped = Files.writeString(dir.resolve("scrape.txt"), scrape(app));
                InstalledTool.Run check = InstalledTool.PROMTOOL.run(scraped, "check", "metrics");
                assertThat(check.exitCode()).as(app + ": " + check.output()).isZero();
                assertThat(check.output()).as(app + " lint").isBlank();
            }
            Set<String> exported = new HashSet<>(PromQlMetrics.exported(scrape(streams)));
            exported.addAll(PromQlMetrics.exported(scrape(router)));
            assertThat(exported).containsAll(PromQlMetrics.names());

            // a real Prometheus scraping both apps every second, with the shipped rules
            int port = freePort();
            Process prometheus = startPrometheus(streams, router, port);
            try {
                URI api = URI.create("http://127.0.0.1:" + port + "/api/v1/");
                assertThat(awaitValue(api, "slo_sli_ratio{slo=\"" + SLO + "\"}")).isCloseTo(0.9, within(1e-9));
                assertThat(awaitValue(api, "slo_error_budget_remaining_ratio{slo=\"" + SLO + "\"}")).isCloseTo(-9, within(1e-9));
                assertThat(awaitValue(api, "slo_objective_ratio{slo=\"" + SLO + "\"}")).isCloseTo(0.99, within(1e-12));
                assertThat(awaitValue(api, "slo_alert_state{slo=\"" + SLO + "\",severity=\"page\",state=\"firing\"}")).isEqualTo(1);

                String sloth = "{sloth_id=\"shop-" + SLO + "\",sloth_service=\"shop\",sloth_slo=\"" + SLO + "\"";
                assertThat(awaitValue(api, "slo:sli_error:ratio_rate5m" + sloth + ",sloth_window=\"5m\"}")).isCloseTo(0.1, within(1e-9));
                assertThat(awaitValue(api, "slo:sli_error:ratio_rate30d" + sloth + ",sloth_window=\"30d\"}")).isCloseTo(0.1, within(1e-9));
                assertThat(awaitValue(api, "slo:current_burn_rate:ratio" + sloth + "}")).isCloseTo(10, within(1e-9));
                assertThat(awaitValue(api, "slo:period_burn_rate:ratio" + sloth + "}")).isCloseTo(10, within(1e-9));
                assertThat(awaitValue(api, "slo:period_error_budget_remaining:ratio" + sloth + "}")).isCloseTo(-9, within(1e-9));
                assertThat(awaitValue(api, "slo:error_budget:ratio" + sloth + "}")).isCloseTo(0.01, within(1e-12));
                assertThat(awaitValue(api, "slo:time_period:days" + sloth + "}")).isEqualTo(30);
                assertThat(awaitValue(api, "sloth_slo_info" + sloth + ",sloth_objective=\"99\"}")).isEqualTo(1);

                // every query of the shipped dashboards parses; the SLO dashboard's all show the SLO
                assertThat(get(api.resolve("label/slo/values?match[]=slo_info")).path("data"))
                        .extracting(JsonNode::asText).containsExactly(SLO);
                for (JsonNode dashboard : PromQlMetrics.dashboards()) {
                    boolean sloDashboard = dashboard.path("uid").asText().equals("slo-overview");
                    for (JsonNode panel : dashboard.path("panels")) {
                        for (JsonNode target : panel.path("targets")) {
                            String query = target.path("expr").asText().replace("$slo", SLO);
                            JsonNode answer = query(api, query);
                            if (sloDashboard) {
                                answer = Await.until(Duration.ofSeconds(20), () -> query(api, query),
                                        reply -> !reply.path("data").path("result").isEmpty() || reply.has("error"));
                                assertThat(answer.path("data").path("result")).as(query).isNotEmpty();
                            }
                            assertThat(answer.path("status").asText()).as(query).isEqualTo("success");
                        }
                    }
                }

                // Prometheus' own alert, sent with the shipped alerting block, is one of the router's
                String admin = Files.readString(dir.resolve("secrets/admin-token")).strip();
                JsonNode alerts = Await.until(Duration.ofSeconds(60), () -> get(router.resolve("/api/v2/alerts"), admin),
                        reply -> reply.toString().contains(PROMETHEUS_ALERT));
                assertThat(alerts.findValuesAsText("alertname")).contains(PROMETHEUS_ALERT);
            } finally {
                prometheus.destroy();
                prometheus.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private Pipeline start(WebhookSink sink) throws IOException, InterruptedException {
        Path definitions = Files.createDirectories(dir.resolve("definitions"));
        Files.writeString(definitions.resolve("shop.yaml"), DEFINITIONS);
        Path routerConfig = Files.writeString(dir.resolve("router.yml"), ROUTER.formatted(sink.url()));
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        RouterTokensScript.run(secrets);
        RunSettings settings = RunSettings.from(new ConfigLayers()
                .flag(RunKeys.DATA_DIR.name(), dir.resolve("data").toString(), "test")
                .flag(RunKeys.BROKER_PORT.name(), "0", "test")
                .flag(StreamsAppKeys.HTTP_PORT.name(), "0", "test")
                .flag(RouterAppKeys.HTTP_PORT.name(), "0", "test")
                .flag(RunKeys.UI_PORT.name(), "off", "test")
                .flag(RouterAppKeys.CONFIG.name(), routerConfig.toString(), "test")
                .flag(RouterAppKeys.API_TOKENS_FILE.name(), secrets.resolve("router-api-tokens").toString(), "test")
                .flag(StreamsAppKeys.DEFINITIONS_DIR.name(), definitions.toString(), "test")
                .flag(StreamsAppKeys.TOPIC_PARTITIONS.name(), "1", "test")
                .flag(RouterAppKeys.PARTITIONS.name(), "1", "test")
                .flag(RouterAppKeys.PUNCTUATION_INTERVAL.name(), "200ms", "test"));
        Pipeline pipeline = Pipeline.builder(settings).start();
        try {
            pipeline.awaitReady(Duration.ofMinutes(2));
        } catch (RuntimeException | InterruptedException e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    private static RequestEvent checkouts(long count, int status) {
        return new RequestEvent(Instant.now(), "checkout-api", "POST /checkout", status, RequestEvent.NO_LATENCY, count, Map.of());
    }

    private static void send(StreamsAppConfig config, byte[] event) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config.clientProperties(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(config.topics().requests(), "checkout-api".getBytes(StandardCharsets.UTF_8),
                    event)).get();
        }
    }

    private Process startPrometheus(URI streams, URI router, int port) throws IOException {
        if (!Files.isExecutable(PROMETHEUS)) {
            throw new IllegalStateException(PROMETHEUS + " is missing: apt-get install prometheus");
        }
        Path config = Files.writeString(dir.resolve("prometheus.yml"), new Yaml().dump(shippedConfigHere(streams, router)));
        // an alert that fired before Prometheus had found the router is sent again only after the resend delay (1 m)
        return new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config, "--rules.alert.resend-delay=1s",
                "--storage.tsdb.path=" + Files.createDirectories(dir.resolve("tsdb")),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    }

    /**
     * The shipped compose config as it would run here: every second instead of every 15, the apps and the token at
     * their addresses on this machine, the shipped rule files found beside it plus one rule that fires at once.
     */
    private Map<String, Object> shippedConfigHere(URI streams, URI router) throws IOException {
        Path shipped = PromQlMetrics.DEPLOY.resolve("prometheus/prometheus.yml");
        Map<String, Object> config = map(DeployYaml.documents(shipped).get(0));
        config.put("global", Map.of("scrape_interval", "1s", "evaluation_interval", "1s"));

        List<Object> rules = new ArrayList<>();
        for (Object file : list(config, "rule_files")) {
            rules.add(shipped.resolveSibling(String.valueOf(file)).toString());
        }
        rules.add(Files.writeString(dir.resolve("always-firing.yml"), """
                groups:
                  - name: test
                    rules:
                      - alert: %s
                        expr: vector(1)
                        labels: {severity: ticket}
                """.formatted(PROMETHEUS_ALERT)).toString());
        config.put("rule_files", rules);

        Map<String, Integer> ports = Map.of("slo-streams", streams.getPort(), "slo-router", router.getPort());
        for (Object job : list(config, "scrape_configs")) {
            int jobPort = ports.get(String.valueOf(map(job).get("job_name")));
            map(job).put("static_configs", List.of(Map.of("targets", List.of("127.0.0.1:" + jobPort))));
        }

        List<Object> alertmanagers = list(map(config, "alerting"), "alertmanagers");
        assertThat(alertmanagers).as("the router, Prometheus' one Alertmanager").hasSize(1);
        Map<String, Object> routerAsAlertmanager = map(alertmanagers.get(0));
        routerAsAlertmanager.put("static_configs", List.of(Map.of("targets", List.of("127.0.0.1:" + router.getPort()))));
        Map<String, Object> authorization = map(routerAsAlertmanager, "authorization");
        Path tokenFile = Path.of(String.valueOf(authorization.get("credentials_file"))).getFileName();
        authorization.put("credentials_file", dir.resolve("secrets").resolve(tokenFile).toString());
        return config;
    }

    /** The value of an instant query that answers one series, once Prometheus has it. */
    private double awaitValue(URI api, String query) throws InterruptedException {
        JsonNode answer = Await.until(Duration.ofSeconds(30), () -> query(api, query),
                reply -> reply.path("data").path("result").size() == 1);
        return Double.parseDouble(answer.path("data").path("result").get(0).path("value").get(1).asText());
    }

    private JsonNode query(URI api, String query) {
        return get(api.resolve("query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
    }

    private JsonNode get(URI uri) {
        return get(uri, null);
    }

    private JsonNode get(URI uri, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body());
        } catch (IOException e) {
            // Prometheus is still starting
            return json.createObjectNode().put("status", "unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String scrape(URI app) {
        try {
            return http.send(HttpRequest.newBuilder(app.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
