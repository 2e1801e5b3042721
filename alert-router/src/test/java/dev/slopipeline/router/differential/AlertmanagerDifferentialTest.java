package dev.slopipeline.router.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.SloAlertFixtures;
import dev.slopipeline.router.app.RouterApp;
import dev.slopipeline.router.app.RouterAppConfig;
import dev.slopipeline.router.app.RouterAppKeys;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.delivery.LocalReceiver;
import dev.slopipeline.router.notification.SloAlerts;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One scripted sequence of alerts, fed at the same moments to the real Alertmanager (through its API) and to the
 * router (through {@code slo.alerts}, 3 partitions, the SLOs spread over them): each receiver must be told the same
 * things by both, group by group and in order. Times may differ by the router's tick; the scenarios keep every change
 * a second away from any flush so that this never moves a change from one notification to another.
 */
@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AlertmanagerDifferentialTest {

    private static final int PARTITIONS = 3;
    private static final String TOKEN = "differential-write-token";
    private static final Pattern EQUALITY = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @RegisterExtension
    static final BrokerFixture broker = new BrokerFixture();

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"slo-groups.yml"})
    void shouldNotifyAsAlertmanagerDoes(String resource) throws Exception {
        Scenario scenario = Scenario.read(resource);
        assertThat(partitionsOf(scenario)).as("the scenario's SLOs sit on several partitions of slo.alerts")
                .hasSizeGreaterThan(1);
        try (LocalReceiver alertmanagerHook = LocalReceiver.answering(200);
             LocalReceiver routerHook = LocalReceiver.answering(200);
             RealAlertmanager alertmanager = RealAlertmanager.start(withHook(scenario, alertmanagerHook), folder);
             RouterSide router = RouterSide.start(withHook(scenario, routerHook), folder.resolve("router"))) {
            play(scenario, alertmanager, router);

            Map<String, List<SeenNotification>> expected = byGroup(alertmanagerHook);
            assertThat(expected).as("Alertmanager notified at all, so the comparison means something").isNotEmpty();
            assertThat(byGroup(routerHook)).as(scenario.description()).isEqualTo(expected);
        }
    }

    /** Each step at its moment, to the router first: its way in through Kafka is the longer one. */
    private void play(Scenario scenario, RealAlertmanager alertmanager, RouterSide router) throws Exception {
        Instant start = Instant.now();
        Map<String, Alert> firing = new HashMap<>();
        for (Scenario.Step step : scenario.steps()) {
            sleepUntil(start.plus(step.at()));
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            if (step instanceof Scenario.Fire fire) {
                Alert alert = SloAlertFixtures.alert(fire.slo(), fire.service(), fire.severity(), AlertState.FIRING, now, now,
                        fire.labels());
                firing.put(fire.slo() + "/" + fire.severity(), alert);
                router.send(alert);
                alertmanager.post(SloAlerts.toLabelled(alert));
            } else if (step instanceof Scenario.Resolve resolve) {
                Alert fired = firing.remove(resolve.slo() + "/" + resolve.severity());
                Alert alert = SloAlertFixtures.alert(fired.slo(), fired.service(), fired.severity(), AlertState.RESOLVED,
                        fired.startedAt(), now, fired.labels());
                router.send(alert);
                alertmanager.post(SloAlerts.toLabelled(alert));
            } else if (step instanceof Scenario.Silence silence) {
                router.silence(silence.matchers(), now.plus(silence.lasting()));
                alertmanager.silence(equalities(silence.matchers()), now.plus(silence.lasting()));
            }
        }
        sleepUntil(start.plus(scenario.end()));
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** Per group, the notifications in the order they came. */
    private static Map<String, List<SeenNotification>> byGroup(LocalReceiver hook) {
        return hook.requests().stream().map(request -> SeenNotification.of(request.body()))
                .collect(Collectors.groupingBy(SeenNotification::group, TreeMap::new, Collectors.toList()));
    }

    private static String withHook(Scenario scenario, LocalReceiver hook) {
        return scenario.config().replace("${hook}", hook.base().toString());
    }

    private static Map<String, String> equalities(List<String> matchers) {
        Map<String, String> equalities = new LinkedHashMap<>();
        for (String text : matchers) {
            Matcher matcher = EQUALITY.matcher(text);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("scenario silences use name=\"value\" matchers, got " + text);
            }
            equalities.put(matcher.group(1), matcher.group(2));
        }
        return equalities;
    }

    private static Set<Integer> partitionsOf(Scenario scenario) {
        return scenario.steps().stream().filter(Scenario.Fire.class::isInstance).map(step -> ((Scenario.Fire) step).slo())
                .map(slo -> Utils.toPositive(Utils.murmur2(slo.getBytes(StandardCharsets.UTF_8))) % PARTITIONS)
                .collect(Collectors.toSet());
    }

    /**
     * The router, fed through {@code slo.alerts}. Once the router serves Alertmanager's {@code POST /api/v2/alerts},
     * a second way in belongs here, so that the same scenarios run through both.
     */
    private record RouterSide(RouterApp app, RouterTopics topics, HttpClient http) implements AutoCloseable {

        static RouterSide start(String config, Path stateDir) throws InterruptedException {
            String suffix = SharedKafka.unique(".differential");
            RouterTopics topics = RouterTopics.withSuffix(suffix);
            RouterApp app = RouterApp.start(RouterAppConfig.builder().bootstrapServers(broker.bootstrapServers())
                            .set(RouterAppKeys.APPLICATION_ID, "router-differential" + suffix)
                            .set(RouterAppKeys.STATE_DIR, stateDir)
                            .topics(topics)
                            .set(RouterAppKeys.TOPIC_DELIVERIES, "router.deliveries" + suffix)
                            .set(RouterAppKeys.PARTITIONS, PARTITIONS)
                            .set(RouterAppKeys.HTTP_PORT, 0)
                            .set(RouterAppKeys.API_TOKEN, TOKEN)
                            .set(RouterAppKeys.PUNCTUATION_INTERVAL, Duration.ofMillis(200))
                            .set(RouterAppKeys.EXTERNAL_URL, URI.create("https://router.example"))
                            .build(),
                    RouterConfigLoader.parse("router.yml", config).orElseThrow());
            RouterSide side = new RouterSide(app, topics, HttpClient.newHttpClient());
            side.awaitReady();
            return side;
        }

        void send(Alert alert) {
            broker.send(topics.alerts(), alert);
        }

        void silence(List<String> matchers, Instant endsAt) throws IOException, InterruptedException {
            String body = "{\"matchers\":[" + matchers.stream().map(m -> "\"" + m.replace("\"", "\\\"") + "\"")
                    .collect(Collectors.joining(",")) + "],\"endsAt\":\"" + endsAt
                    + "\",\"createdBy\":\"differential test\",\"comment\":\"scenario step\"}";
            HttpResponse<String> response = http.send(request("/api/v1/silences")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("the router took the silence: %s", response.body()).isEqualTo(202);
        }

        private void awaitReady() {
            await("the router ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(IOException.class) // the HTTP server is up before the streams client runs
                    .until(() -> http.send(request("/readyz").build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200);
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path))
                    .header("Authorization", "Bearer " + TOKEN);
        }

        @Override
        public void close() throws InterruptedException {
            app.close();
        }
    }
}
