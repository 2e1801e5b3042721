package dev.slopipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.deploy.Await;
import dev.slopipeline.deploy.PromQlMetrics;
import dev.slopipeline.streams.app.StreamsAppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demo's wiring end to end, on a real embedded broker with a real local webhook sink: the scripted payments
 * incident pages once and resolves; the flapping cache check before it pages nobody. The running apps also export
 * every metric the Prometheus rules and the Grafana dashboard under deploy/ query.
 */
@Tag("integration")
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class DemoEndToEndTest {

    /**
     * Four simulated hours a minute: the scenario's phases take about 25 s; the page resolves about 35 simulated minutes
     * after the errors stop, when its 30-minute window is clear of them. The scenario lays out the shop's day from its
     * own clock, so this is the same at whatever hour the test runs.
     */
    private static final double SPEED = 240;

    @Test
    void shouldPageOnceForThePaymentsIncidentResolveItAndStayQuietAboutTheCacheFlap() throws Exception {
        Scenario scenario = Demo.defaultScenario();
        Demo.Options options = new Demo.Options(Optional.empty(), scenario, Optional.of(SPEED), Duration.ofMillis(100),
                Demo.Ports.ANY, line -> { }, notification -> { });

        try (Demo demo = Demo.start(options)) {
            WebhookSink sink = demo.sink();
            // the page and its resolve, and the incident it opened: the page of the person on call and the all-clear
            List<WebhookSink.Notification> all = Await.until(Duration.ofSeconds(120), sink::received,
                    notifications -> notifications.stream().filter(n -> !n.isFiring()).count() >= 2);
            List<Alert> transitions = demo.alerts().transitions();

            List<WebhookSink.Notification> received = to("demo-pager", all);
            assertThat(received).hasSize(2);
            WebhookSink.Notification page = received.get(0);
            WebhookSink.Notification resolve = received.get(1);
            assertThat(page.isFiring()).isTrue();
            assertThat(page.label("slo")).isEqualTo("checkout-availability");
            assertThat(page.label("severity")).isEqualTo("page");
            assertThat(page.annotation("contributors")).startsWith("payments POST /charge");
            assertThat(page.annotation("runbook_url")).isEqualTo("https://runbooks.example/checkout");
            assertThat(resolve.status()).isEqualTo("resolved");
            assertThat(resolve.label("slo")).isEqualTo("checkout-availability");
            assertThat(resolve.alerts()).singleElement().satisfies(alert ->
                    assertThat(alert.startsAt()).isEqualTo(page.alerts().get(0).startsAt()));

            List<WebhookSink.Notification> onCall = to("demo-oncall", all);
            assertThat(onCall).hasSize(2);
            assertThat(onCall.get(0).isFiring()).isTrue();
            assertThat(onCall.get(0).label("oncall_user")).isEqualTo("you");
            assertThat(onCall.get(0).label("slo")).isEqualTo("checkout-availability");
            URI router = demo.pipeline().routerUrl().orElseThrow();
            assertThat(onCall.get(0).ackUrl()).startsWith(router.resolve("/ack/").toString());
            assertThat(onCall.get(1).status()).isEqualTo("resolved");
            // the link answers a page, not an acknowledgement; by now it says the incident is resolved
            HttpResponse<String> ackPage = Await.until(Duration.ofSeconds(10), () -> fetch(onCall.get(0).ackUrl()),
                    answer -> answer.statusCode() == 409);
            assertThat(ackPage.body()).contains(onCall.get(0).label("incident"), "is resolved");

            // the flap of cart-api's redis-ping came first and raised no alert of any severity, for any SLO
            assertThat(transitions).isNotEmpty().allSatisfy(alert ->
                    assertThat(alert.slo()).isEqualTo("checkout-availability"));
            assertThat(transitions.stream().filter(a -> a.state() == AlertState.FIRING
                    && a.severity().wireName().equals("page"))).hasSize(1);
            assertThat(demo.traffic().progress().sendFailures()).isZero();

            // the dashboard and the alert rules under deploy/ query only what the running apps export
            sendMalformedEvent(demo);
            URI streams = demo.pipeline().streamsUrl().orElseThrow();
            Await.until(Duration.ofSeconds(30), () -> scrape(streams), names -> names.contains("slo_events_dead_lettered_total"));
            Set<String> exported = new HashSet<>(scrape(streams));
            exported.addAll(scrape(router));
            // the demo's router config is given in code, not watched in a file, so it has no reload metrics;
            // PrometheusEndToEndTest checks those against a router that watches its file
            assertThat(exported).containsAll(PromQlMetrics.names().stream()
                    .filter(name -> !name.startsWith("slo_router_config_")).toList());

            // the web UI shows the pipeline, and writes with the demo's token without asking for one
            URI ui = demo.pipeline().webUiUrl().orElseThrow();
            assertThat(get(ui.resolve("/ui-config"))).contains("\"defaultToken\":true");
            assertThat(get(ui.resolve("/api/v1/slos"))).contains("\"checkout-availability\"");
        }
    }

    private static HttpResponse<String> fetch(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<WebhookSink.Notification> to(String receiver, List<WebhookSink.Notification> notifications) {
        return notifications.stream().filter(notification -> notification.receiver().equals(receiver)).toList();
    }

    private static String get(URI uri) {
        HttpResponse<String> response = fetch(uri.toString());
        assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static void sendMalformedEvent(Demo demo) throws Exception {
        StreamsAppConfig config = demo.pipeline().settings().streams();
        Map<String, Object> properties = new HashMap<>(config.clientProperties());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(config.topics().requests(), "checkout-api", "{\"service\": 42}")).get();
        }
    }

    /** The metric names a /metrics endpoint exports now. */
    private static Set<String> scrape(URI app) {
        try {
            String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return PromQlMetrics.exported(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
