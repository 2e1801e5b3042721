package dev.slopipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import dev.slopipeline.definitions.event.RequestEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

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

    @RegisterExtension
    static final BrowserTestFixture FIXTURE = new BrowserTestFixture();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicInteger pagesReceived = new AtomicInteger();
    private HttpServer pager;
    private UiPipeline pipeline;

    @AfterEach
    void stopPager() {
        if (pager != null) {
            pager.stop(0);
        }
    }

    @Test
    void shouldShowThePageAndLetOnCallAcknowledgeItAndSilenceAnSlo() throws Exception {
        startPager();
        pipeline = FIXTURE.startPipeline(dir, "ui-browser-test", DEFINITIONS, routerConfig(), WRITE_TOKEN);
        pipeline.send(traffic());
        FIXTURE.browse(dir, "ui-failure", this::useTheUi);
    }

    private void useTheUi(BrowserSteps page) throws Exception {
        page.open(pipeline.uiUrl().toString());

        // the SLO list: the paging SLO first (least budget left), with what remains of its budget
        String checkout = "#slos tr[data-slo='" + CHECKOUT + "']";
        page.await(checkout + "[data-status='page']");
        double budget = Double.parseDouble(page.attribute(checkout, "data-budget"));
        assertThat(budget).as("budget remaining after a quarter hour at 12 %% errors").isBetween(0.2, 0.6);
        assertThat(page.text(checkout + " .budget-remaining")).isEqualTo(String.format(Locale.ROOT, "%.1f %%", budget * 100));
        page.await("#slos tr[data-slo='" + BROWSE + "'][data-status='ok']");
        assertThat(page.attributes("#slos tbody tr", "data-slo")).containsExactly(CHECKOUT, BROWSE);

        // the router shows incidents, on-call and silences only to a token holder: the page says so until one is entered
        page.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#incidents .empty"),
                "enter a token at the top right"));
        page.browser().findElement(By.id("api-token")).sendKeys(WRITE_TOKEN);
        // leaving the field stores the token, and the page reads again with it
        page.browser().findElement(By.id("user-name")).sendKeys("alice");

        // the incident the router opened for the page, acknowledged from the UI
        String triggered = "#incidents tr.incident[data-slo='" + CHECKOUT + "'][data-state='triggered']";
        page.await(triggered);
        String incidentId = page.attribute(triggered, "data-incident-id");
        page.click(triggered + " button[data-action='ack']");
        String acknowledged = "#incidents tr.incident[data-incident-id='" + incidentId + "'][data-state='acknowledged']";
        page.await(acknowledged);
        assertThat(page.text(acknowledged + " .incident-state")).contains("acknowledged", "alice");
        assertThat(page.browser().findElements(By.cssSelector(acknowledged + " button[data-action='ack']"))).isEmpty();
        JsonNode fromRouter = routerJson("/api/v1/incidents/" + incidentId);
        assertThat(fromRouter.path("state").asText()).isEqualTo("acknowledged");
        assertThat(fromRouter.path("acknowledgedBy").asText()).isEqualTo("alice");
        assertThat(pagesReceived.get()).as("the page reached alice through the on-call email hook").isPositive();

        // who is on call, from the router's schedules
        page.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#oncall tr[data-schedule='payments-primary'] .now"), "alice"));
        assertThat(page.text("#oncall tr[data-schedule='payments-primary'] .next")).startsWith("bob");

        // a silence created in the form, listed as active
        page.browser().findElement(By.id("silence-matchers")).sendKeys("slo=\"" + BROWSE + "\"");
        new Select(page.browser().findElement(By.id("silence-duration"))).selectByValue("240");
        page.browser().findElement(By.id("silence-comment")).sendKeys("catalog re-index tonight");
        page.browser().findElement(By.id("silence-create")).click();
        String active = "#silences tr[data-state='active']";
        page.await(active);
        assertThat(page.text(active)).contains(BROWSE, "alice", "catalog re-index tonight");

        page.saveScreenshot(Path.of("target", "ui-screenshot.png"));

        // expired from the UI, and the router agrees
        String silenceId = page.attribute(active, "data-silence-id");
        page.click("#silences tr[data-silence-id='" + silenceId + "'] button[data-action='expire']");
        page.await("#silences tr[data-silence-id='" + silenceId + "'][data-state='expired']");
        assertThat(routerJson("/api/v1/silences").path("silences")).anySatisfy(s -> {
            assertThat(s.path("id").asText()).isEqualTo(silenceId);
            assertThat(s.path("status").path("state").asText()).isEqualTo("expired");
        });

        // the SLO's own page: its figures and the burn rate of the pair that holds
        page.click(checkout + " a.slo-link");
        page.waiting().until(ExpectedConditions.attributeToBe(By.id("slo-view"), "data-status", "page"));
        assertThat(page.text("#slo-name")).isEqualTo(CHECKOUT);
        assertThat(page.text("#figure-objective")).contains("99.9 %");
        page.await("#slo-alerts li[data-severity='page'][data-state='firing']");
        page.await("#burn-rates tr[data-pair='page-fast'][data-holds='true']");
        page.saveScreenshot(Path.of("target", "ui-slo-screenshot.png"));
    }

    private void startPager() throws IOException {
        pager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pager.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                pagesReceived.incrementAndGet();
                exchange.sendResponseHeaders(200, -1);
            }
        });
        pager.start();
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

    /** Healthy traffic for both SLOs; checkout fails at 12 % in the last quarter hour. */
    private static List<RequestEvent> traffic() {
        return MinuteTraffic.of(
                new MinuteTraffic.Requests("checkout-api", "POST /checkout", Map.of(), MinuteTraffic.OUTAGE),
                new MinuteTraffic.Requests("catalog-api", "GET /products", Map.of(), MinuteTraffic.HEALTHY));
    }

    private JsonNode routerJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(pipeline.routerUrl().resolve(path))
                .header("Authorization", "Bearer " + WRITE_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
