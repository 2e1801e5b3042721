package dev.slopipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.definitions.publish.DefinitionRecords;
import dev.slopipeline.router.app.RouterApp;
import dev.slopipeline.router.app.RouterAppConfig;
import dev.slopipeline.router.app.RouterAppKeys;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.streams.app.SloPipeline;
import dev.slopipeline.streams.app.StreamsApp;
import dev.slopipeline.streams.app.StreamsAppConfig;
import dev.slopipeline.streams.publish.ApplyOptions;
import dev.slopipeline.streams.publish.DefinitionPublisher;
import dev.slopipeline.streams.publish.DefinitionsTopic;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real headless Chromium against the whole pipeline on an embedded broker: the streams app pages
 * on a checkout outage, the router opens an incident and pages the on-call webhook, and the user sees it in the UI,
 * acknowledges it there, and silences an SLO.
 */
@Tag("integration")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class WebUiBrowserTest {

    private static final String WRITE_TOKEN = "ui-browser-test-write-token";
    private static final String CHECKOUT = "checkout-availability";
    private static final String BROWSE = "catalog-browse";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String DEFINITIONS = """
            apiVersion: slo-pipeline/v1
            kind: Service
            metadata: {name: shop, labels: {team: payments}}
            spec: {owner: team-payments, tier: 1, runbook: https://runbooks.example/shop}
            ---
            apiVersion: slo-pipeline/v1
            kind: SLO
            metadata: {name: checkout-availability, labels: {team: payments}}
            spec:
              service: shop
              journey: checkout
              indicator:
                match: [{service: checkout-api, operation: "POST /checkout"}]
                good: {status: {below: 500}}
              objective: 99.9
              window: 30d
            ---
            apiVersion: slo-pipeline/v1
            kind: SLO
            metadata: {name: catalog-browse, labels: {team: payments}}
            spec:
              service: shop
              journey: browse
              indicator:
                match: [{service: catalog-api, operation: "GET /products"}]
                good: {status: {below: 500}}
              objective: 99.5
              window: 30d
            """;
    /** Two days of traffic, one record of {@link #PER_MINUTE} requests per SLO and minute. */
    private static final int MINUTES = 2 * 24 * 60;
    private static final int PER_MINUTE = 1000;
    /** The last quarter hour: 12 % of checkouts fail, burning the 1h/5m page pair's 14.4 × budget. */
    private static final int OUTAGE_MINUTES = 15;
    private static final int FAILING_PER_MINUTE = 120;

    @RegisterExtension
    static final SharedKafka kafka = new SharedKafka();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicInteger pagesReceived = new AtomicInteger();
    private HttpServer pager;
    private StreamsApp streams;
    private RouterApp router;
    private WebUi ui;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @AfterEach
    void stopAll() {
        if (browser != null) {
            browser.quit();
        }
        for (AutoCloseable closeable : new AutoCloseable[] {ui, router, streams}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (pager != null) {
            pager.stop(0);
        }
    }

    @Test
    void shouldShowThePageAndLetOnCallAcknowledgeItAndSilenceAnSlo() throws Exception {
        startPipeline();
        browser = HeadlessChromium.start(dir.resolve("chromium-profile"));
        try {
            useTheUi();
        } catch (AssertionError | RuntimeException e) {
            // what the browser showed when it went wrong, next to the test report
            saveScreenshot(Path.of("target", "ui-failure.png"));
            Files.writeString(Path.of("target", "ui-failure.html"), browser.getPageSource());
            throw e;
        }
    }

    private void useTheUi() throws Exception {
        // the page refreshes itself, so elements are looked up afresh at each step rather than kept
        wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(250));
        browser.get(ui.url().toString());

        // the SLO list: the paging SLO first (least budget left), with what remains of its budget
        String checkout = "#slos tr[data-slo='" + CHECKOUT + "']";
        await(checkout + "[data-status='page']");
        double budget = Double.parseDouble(attribute(checkout, "data-budget"));
        assertThat(budget).as("budget remaining after a quarter hour at 12 %% errors").isBetween(0.2, 0.6);
        assertThat(text(checkout + " .budget-remaining")).isEqualTo(String.format(Locale.ROOT, "%.1f %%", budget * 100));
        await("#slos tr[data-slo='" + BROWSE + "'][data-status='ok']");
        List<String> order = wait.until(driver -> fresh(() -> driver.findElements(By.cssSelector("#slos tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-slo")).toList()));
        assertThat(order).containsExactly(CHECKOUT, BROWSE);

        // the router shows incidents, on-call and silences only to a token holder: the page says so until one is entered
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#incidents .empty"),
                "enter a token at the top right"));
        browser.findElement(By.id("api-token")).sendKeys(WRITE_TOKEN);
        // leaving the field stores the token, and the page reads again with it
        browser.findElement(By.id("user-name")).sendKeys("alice");

        // the incident the router opened for the page, acknowledged from the UI
        String triggered = "#incidents tr.incident[data-slo='" + CHECKOUT + "'][data-state='triggered']";
        await(triggered);
        String incidentId = attribute(triggered, "data-incident-id");
        click(triggered + " button[data-action='ack']");
        String acknowledged = "#incidents tr.incident[data-incident-id='" + incidentId + "'][data-state='acknowledged']";
        await(acknowledged);
        assertThat(text(acknowledged + " .incident-state")).contains("acknowledged", "alice");
        assertThat(browser.findElements(By.cssSelector(acknowledged + " button[data-action='ack']"))).isEmpty();
        JsonNode fromRouter = routerJson("/api/v1/incidents/" + incidentId);
        assertThat(fromRouter.path("state").asText()).isEqualTo("acknowledged");
        assertThat(fromRouter.path("acknowledgedBy").asText()).isEqualTo("alice");
        assertThat(pagesReceived.get()).as("the page reached alice through the on-call email hook").isPositive();

        // who is on call, from the router's schedules
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#oncall tr[data-schedule='payments-primary'] .now"), "alice"));
        assertThat(text("#oncall tr[data-schedule='payments-primary'] .next")).startsWith("bob");

        // a silence created in the form, listed as active
        browser.findElement(By.id("silence-matchers")).sendKeys("slo=\"" + BROWSE + "\"");
        new Select(browser.findElement(By.id("silence-duration"))).selectByValue("240");
        browser.findElement(By.id("silence-comment")).sendKeys("catalog re-index tonight");
        browser.findElement(By.id("silence-create")).click();
        String active = "#silences tr[data-state='active']";
        await(active);
        assertThat(text(active)).contains(BROWSE, "alice", "catalog re-index tonight");

        saveScreenshot(Path.of("target", "ui-screenshot.png"));

        // expired from the UI, and the router agrees
        String silenceId = attribute(active, "data-silence-id");
        click("#silences tr[data-silence-id='" + silenceId + "'] button[data-action='expire']");
        await("#silences tr[data-silence-id='" + silenceId + "'][data-state='expired']");
        assertThat(routerJson("/api/v1/silences").path("silences")).anySatisfy(s -> {
            assertThat(s.path("id").asText()).isEqualTo(silenceId);
            assertThat(s.path("status").path("state").asText()).isEqualTo("expired");
        });

        // the SLO's own page: its figures and the burn rate of the pair that holds
        click(checkout + " a.slo-link");
        wait.until(ExpectedConditions.attributeToBe(By.id("slo-view"), "data-status", "page"));
        assertThat(text("#slo-name")).isEqualTo(CHECKOUT);
        assertThat(text("#figure-objective")).contains("99.9 %");
        await("#slo-alerts li[data-severity='page'][data-state='firing']");
        await("#burn-rates tr[data-pair='page-fast'][data-holds='true']");
        saveScreenshot(Path.of("target", "ui-slo-screenshot.png"));
    }

    private void await(String css) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private void click(String css) {
        wait.until(driver -> fresh(() -> {
            driver.findElement(By.cssSelector(css)).click();
            return true;
        }));
    }

    private String text(String css) {
        return wait.until(driver -> fresh(() -> driver.findElement(By.cssSelector(css)).getText()));
    }

    private String attribute(String css, String name) {
        return wait.until(driver -> fresh(() -> driver.findElement(By.cssSelector(css)).getDomAttribute(name)));
    }

    /** The value, or null (wait again) when the page replaced the element while it was being read. */
    private static <T> T fresh(Supplier<T> read) {
        try {
            return read.get();
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return null;
        }
    }

    private void startPipeline() throws Exception {
        pager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pager.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                pagesReceived.incrementAndGet();
                exchange.sendResponseHeaders(200, -1);
            }
        });
        pager.start();

        String suffix = SharedKafka.unique(".ui");
        StreamsAppConfig config = StreamsAppConfig.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .applicationId("ui-browser-test-streams" + suffix)
                .topicsWithSuffix(suffix)
                .stateDir(dir.resolve("streams"))
                .httpPort(0)
                .set("topics.partitions", "1")
                .build();
        applyDefinitions(config);
        streams = SloPipeline.start(config);
        router = RouterApp.start(RouterAppConfig.builder().bootstrapServers(kafka.bootstrapServers())
                .set(RouterAppKeys.APPLICATION_ID, "ui-browser-test-router" + suffix)
                .topics(RouterTopics.withSuffix(suffix))
                .set(RouterAppKeys.TOPIC_DELIVERIES, "router.deliveries" + suffix)
                .set(RouterAppKeys.STATE_DIR, dir.resolve("router"))
                .set(RouterAppKeys.PARTITIONS, 1)
                .set(RouterAppKeys.HTTP_PORT, 0)
                .set(RouterAppKeys.PUNCTUATION_INTERVAL, Duration.ofMillis(200))
                .set(RouterAppKeys.API_TOKEN, WRITE_TOKEN)
                .build(),
                RouterConfigLoader.parse("router.yml", routerConfig()).orElseThrow());
        ui = WebUi.builder().port(0)
                .streamsUrl(URI.create("http://localhost:" + streams.httpPort()))
                .routerUrl(URI.create("http://localhost:" + router.httpPort()))
                .start();
        awaitRunning();
        produceTraffic(config);
    }

    private String routerConfig() {
        return """
                route:
                  receiver: tickets
                  group_by: [slo, severity]
                  group_wait: 1s
                  group_interval: 2s
                  routes:
                  - matchers: ['severity="page"']
                    receiver: payments-pager
                receivers:
                - name: payments-pager
                - name: tickets
                - name: oncall-email
                  webhook_configs: [{url: '%s', send_resolved: true}]
                users:
                  - {name: alice, time_zone: Europe/Berlin, contacts: [{type: email, address: alice@example.com}]}
                  - {name: bob, time_zone: Europe/Berlin, contacts: [{type: email, address: bob@example.com}]}
                schedules:
                  - name: payments-primary
                    time_zone: Europe/Berlin
                    layers:
                      - name: weekly
                        users: [alice, bob]
                        rotation: {length: 1w, start: %s, handoff: {time: "00:00"}}
                escalation_policies:
                  - name: payments
                    levels:
                      - {schedules: [payments-primary], delay: 15m}
                      - {users: [bob], delay: 15m}
                paging:
                  receivers: {payments-pager: payments}
                  contacts: {email: oncall-email}
                delivery: {retry_initial_backoff: 200ms, retry_max_backoff: 400ms}
                """.formatted("http://127.0.0.1:" + pager.getAddress().getPort() + "/page",
                // alice's turn began yesterday, bob's comes next
                LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1));
    }

    private void applyDefinitions(StreamsAppConfig config) throws IOException {
        Path file = Files.writeString(dir.resolve("shop.yaml"), DEFINITIONS);
        DefinitionsTopic topic = new DefinitionsTopic(config.clientProperties(), config.topics().definitions(), Duration.ofSeconds(20));
        new DefinitionPublisher(config.clientProperties(), topic, config.replication())
                .apply(DefinitionRecords.fromFiles(List.of(file)), ApplyOptions.DEFAULT);
    }

    /** Healthy traffic for both SLOs up to a minute ago; checkout fails at 12 % in the last quarter hour. */
    private void produceTraffic(StreamsAppConfig config) {
        EventCodec events = new EventCodec();
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(Duration.ofMinutes(MINUTES));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int minute = 0; minute < MINUTES; minute++) {
                Instant at = start.plus(Duration.ofMinutes(minute));
                boolean outage = minute >= MINUTES - OUTAGE_MINUTES;
                int failing = outage ? FAILING_PER_MINUTE : 0;
                send(producer, config, events, new RequestEvent(at, "checkout-api", "POST /checkout", 200, 180.0, PER_MINUTE - failing, Map.of()));
                if (failing > 0) {
                    send(producer, config, events, new RequestEvent(at, "checkout-api", "POST /checkout", 503, 950.0, failing, Map.of()));
                }
                send(producer, config, events, new RequestEvent(at, "catalog-api", "GET /products", 200, 40.0, PER_MINUTE, Map.of()));
            }
            producer.flush();
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, StreamsAppConfig config, EventCodec events, RequestEvent event) {
        producer.send(new ProducerRecord<>(config.topics().requests(), null, event.timestamp().toEpochMilli(),
                event.service().getBytes(StandardCharsets.UTF_8), events.encode(event)));
    }

    private void awaitRunning() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING || router.streamsState() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the apps did not start: streams " + streams.state() + ", router " + router.streamsState());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private JsonNode routerJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + router.httpPort() + path))
                .header("Authorization", "Bearer " + WRITE_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void saveScreenshot(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }
}
