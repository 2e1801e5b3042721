package dev.slopipeline.streams.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slopipeline.kit.http.Json;
import dev.slopipeline.kit.http.WebServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpEndpointsTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<Optional<String>> notReadyBecause = new AtomicReference<>(Optional.of("definitions not loaded yet"));
    private final FakeStatus everywhere = new FakeStatus(Map.of(
            "search-latency", "{\"slo\":\"search-latency\"}", "checkout-availability", "{\"slo\":\"checkout-availability\"}"));
    private final FakeStatus here = new FakeStatus(Map.of("search-latency", "{\"slo\":\"search-latency\",\"local\":true}"));
    private WebServer endpoints;

    @BeforeEach
    void start() {
        endpoints = WebServer.bind(null, 0, HttpEndpoints.LIMITS, "streams-http-test");
        endpoints.start(HttpEndpoints.routes(registry, HealthEndpoint.liveness(List.of()),
                        HealthEndpoint.readiness(List.of(() -> Optional.of("streams client is REBALANCING"), notReadyBecause::get)),
                        new SloStatusEndpoint(everywhere, here))
                .probe("/ready-now", HealthEndpoint.readiness(List.of(Optional::empty)))
                .get("/broken", request -> {
                    throw new IllegalStateException("boom at db.internal");
                }));
    }

    @AfterEach
    void stop() {
        endpoints.close();
    }

    @Test
    void shouldServeOneSloStatusAsStored() throws Exception {
        HttpResponse<String> response = get("/api/v1/slos/checkout-availability");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{\"slo\":\"checkout-availability\"}");
    }

    @Test
    void shouldServeAnSlosHistoryBelowItsStatus() throws Exception {
        HttpResponse<String> history = get("/api/v1/slos/checkout-availability/history");

        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).isEqualTo("{\"slo\":\"checkout-availability\",\"points\":[]}");
        assertThat(get("/api/v1/slos/nope/history").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswerAnUnknownSloWithAJson404() throws Exception {
        HttpResponse<String> response = get("/api/v1/slos/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"no SLO named \\\"nope\\\" (or no event for it yet)\",\"status\":404}");
        assertThat(get("/api/v1/slos/a%20b").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAskAgainLaterWhileTheStatusCannotBeRead() throws Exception {
        everywhere.unavailable = true;

        HttpResponse<String> response = get("/api/v1/slos/checkout-availability");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.body()).contains("rebalancing");
        assertThat(get("/api/v1/slos").statusCode()).isEqualTo(503);
    }

    @Test
    void shouldListEverySloByName() throws Exception {
        HttpResponse<String> response = get("/api/v1/slos");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"slos\":{"
                + "\"checkout-availability\":{\"slo\":\"checkout-availability\"},"
                + "\"search-latency\":{\"slo\":\"search-latency\"}},\"unavailable\":[]}");
    }

    @Test
    void shouldAnswerFromThisInstanceOnlyWhenAskedForTheLocalScope() throws Exception {
        assertThat(get("/api/v1/slos/search-latency?scope=local").body()).contains("\"local\":true");
        assertThat(get("/api/v1/slos?scope=local").body()).doesNotContain("checkout-availability");
    }

    @Test
    void shouldSayWhyItIsNotReadyUntilEveryCheckPasses() throws Exception {
        HttpResponse<String> notReady = get("/readyz");

        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).isEqualTo("{\"status\":\"not ready\","
                + "\"reasons\":[\"streams client is REBALANCING\",\"definitions not loaded yet\"]}");
        assertThat(get("/ready-now").body()).isEqualTo("{\"status\":\"ready\"}");
        assertThat(get("/healthz").body()).isEqualTo("{\"status\":\"alive\"}");
    }

    @Test
    void shouldServeGetOnly() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/slos"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void shouldRefuseOversizedRequests() throws Exception {
        HttpResponse<String> bigBody = send(HttpRequest.newBuilder(uri("/healthz"))
                .method("GET", HttpRequest.BodyPublishers.ofByteArray(new byte[HttpEndpoints.LIMITS.maxBodyBytes() + 1])).build());
        HttpResponse<String> longUri = get("/api/v1/slos/" + "x".repeat(HttpEndpoints.LIMITS.maxUriLength()));

        assertThat(bigBody.statusCode()).isEqualTo(413);
        assertThat(longUri.statusCode()).isEqualTo(414);
    }

    @Test
    void shouldAnswerUnknownPathsAndFailuresAsJson() throws Exception {
        HttpResponse<String> unknown = get("/nothing-here");
        HttpResponse<String> broken = get("/broken");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).startsWith("{\"error\":\"no endpoint at /nothing-here");
        assertThat(broken.statusCode()).isEqualTo(500);
        JsonNode failure = Json.parse(broken.body().getBytes(StandardCharsets.UTF_8), "the 500");
        assertThat(failure.path("status").asInt()).isEqualTo(500);
        assertThat(failure.path("errorId").asText()).isNotBlank();
        assertThat(broken.body()).contains(failure.path("errorId").asText()).doesNotContain("boom", "db.internal");
    }

    @Test
    void shouldCountRequestsByEndpointAndStatus() throws Exception {
        get("/api/v1/slos/nope");

        HttpResponse<String> metrics = get("/metrics");

        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body()).contains("slo_pipeline_http_requests_total{endpoint=\"/api/v1/slos\",status=\"404\"} 1.0");
        get("/nothing-here");
        assertThat(get("/metrics").body()).contains("slo_pipeline_http_requests_total{endpoint=\"unmatched\",status=\"404\"} 1.0");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + endpoints.port() + path);
    }

    /** Statuses held in a map; {@code unavailable} plays a rebalance. */
    private static final class FakeStatus implements StatusSource {

        private final Map<String, String> bySlo;
        volatile boolean unavailable;

        FakeStatus(Map<String, String> bySlo) {
            this.bySlo = bySlo;
        }

        @Override
        public StatusLookup status(String slo) {
            if (unavailable) {
                return new StatusLookup.Unavailable("rebalancing");
            }
            String json = bySlo.get(slo);
            return json == null ? new StatusLookup.Missing() : new StatusLookup.Found(json.getBytes(StandardCharsets.UTF_8));
        }

        /** A history names its SLO, so a test can tell it came from the history path. */
        @Override
        public StatusLookup history(String slo) {
            StatusLookup status = status(slo);
            return status instanceof StatusLookup.Found
                    ? new StatusLookup.Found(("{\"slo\":\"" + slo + "\",\"points\":[]}").getBytes(StandardCharsets.UTF_8))
                    : status;
        }

        @Override
        public StatusListing all() {
            if (unavailable) {
                return StatusListing.unavailable("rebalancing");
            }
            Map<String, byte[]> bytes = new HashMap<>();
            bySlo.forEach((slo, json) -> bytes.put(slo, json.getBytes(StandardCharsets.UTF_8)));
            return new StatusListing(bytes, List.of());
        }
    }
}
