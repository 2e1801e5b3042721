package dev.slopipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The local sink as the router's webhook channel meets it, and the page as the terminal shows it. */
class WebhookSinkTest {

    private static final String PAGE = """
            {"version":"4","groupKey":"{}/{severity=\\"page\\"}","truncatedAlerts":0,"status":"firing",
             "receiver":"demo-pager","groupLabels":{"slo":"checkout-availability","severity":"page"},
             "commonLabels":{"alertname":"SLOBurnRate","slo":"checkout-availability","severity":"page","journey":"checkout"},
             "commonAnnotations":{"summary":"Customers can pay for their cart is failing","burn_rate":"20.1",
               "budget_remaining":"0.8312","pairs":"page-fast","contributors":"payments POST /charge (812 bad)",
               "runbook_url":"https://runbooks.example/checkout","ack_url":"http://localhost:9095/ack/1"},
             "externalURL":"http://localhost:9095",
             "alerts":[{"status":"firing","labels":{"slo":"checkout-availability"},"annotations":{},
               "startsAt":"2026-11-23T10:04:00Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"abc"}]}
            """;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldKeepAndPrintANotificationAndRefuseAnythingElse() throws Exception {
        List<WebhookSink.Notification> heard = new CopyOnWriteArrayList<>();
        try (WebhookSink sink = WebhookSink.start(0, heard::add)) {
            int page = post(sink.url().resolve("/pages"), PAGE);
            int junk = post(sink.url().resolve("/pages"), "{\"hello\":1}");
            int get = http.send(HttpRequest.newBuilder(sink.url()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();

            assertThat(List.of(page, junk, get)).containsExactly(200, 400, 405);
            assertThat(sink.received()).singleElement().satisfies(n -> {
                assertThat(n.path()).isEqualTo("/pages");
                assertThat(n.isFiring()).isTrue();
                assertThat(n.label("slo")).isEqualTo("checkout-availability");
            });
            assertThat(heard).hasSize(1);
        }
        List<String> lines = new NotificationPrinter(Clock.fixed(Instant.parse("2026-11-23T10:05:07Z"), ZoneOffset.UTC))
                .format(heard.get(0));
        assertThat(lines).containsExactly(
                "[10:05:07] PAGE FIRING  Customers can pay for their cart is failing",
                "           burn rate 20.1x  (page-fast)  budget left 83.1 %",
                "           since 2026-11-23 10:04 UTC (event time)",
                "           failing: payments POST /charge (812 bad)",
                "           runbook: https://runbooks.example/checkout",
                "           acknowledge: http://localhost:9095/ack/1",
                "           to demo-pager (1 alert, group slo=checkout-availability, severity=page)");
    }

    private int post(URI uri, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
