package dev.slopipeline.router.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what, endpoint by endpoint, on two running routers: one with a write and a read token, where every
 * read of personal or operational detail needs a token, and one with no token at all (a local setup), where those
 * reads are open and writes refused. Probes, metrics and signed links are open on both.
 */
@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RouterApiAccessTest {

    private static final String WRITE_TOKEN = "access-test-write-token";
    private static final String READ_TOKEN = "access-test-read-token";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final BrokerFixture broker = new BrokerFixture();

    @TempDir
    static Path stateDir;

    private static RouterApp withTokens;
    private static RouterApp withoutTokens;

    @BeforeAll
    static void startRouters() throws InterruptedException {
        withTokens = start(SharedKafka.unique(".access-tokens"), RouterAppConfig.builder()
                .set(RouterAppKeys.API_TOKEN, WRITE_TOKEN)
                .set(RouterAppKeys.API_READ_TOKEN, READ_TOKEN));
        withoutTokens = start(SharedKafka.unique(".access-open"), RouterAppConfig.builder());
        awaitReady(withTokens);
        awaitReady(withoutTokens);
    }

    @AfterAll
    static void stopRouters() {
        for (RouterApp app : new RouterApp[] {withTokens, withoutTokens}) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    void shouldKeepEveryReadOfPeopleAndOperationsBehindATokenAndOnlyProbesMetricsAndLinksOpen() {
        List<ApiRoutes.Endpoint> table = withTokens.endpoints();

        assertThat(pathsOf(table, EndpointAccess.READ)).containsExactlyInAnyOrder(
                "GET /api/v1/oncall", "GET /api/v1/oncall/report", "GET /api/v1/incidents", "GET /api/v1/incidents/{id}",
                "GET /api/v1/silences", "GET /api/v1/deliveries/pending", "GET /api/v1/status/config",
                "GET /api/v2/alerts", "GET /api/v2/alerts/groups", "GET /api/v2/status", "GET /api/v2/receivers", "GET /api/v2/silences", "GET /api/v2/silence/{id}");
        assertThat(pathsOf(table, EndpointAccess.WRITE)).containsExactlyInAnyOrder(
                "POST /api/v1/silences", "DELETE /api/v1/silences/{id}", "POST /api/v1/incidents/{id}/{action}",
                "POST /-/reload", "POST /api/v2/alerts", "POST /api/v2/silences", "DELETE /api/v2/silence/{id}");
        assertThat(pathsOf(table, EndpointAccess.OPEN)).containsExactlyInAnyOrder(
                "GET /healthz", "GET /readyz", "GET /metrics", "GET /-/healthy", "GET /-/ready");
        assertThat(pathsOf(table, EndpointAccess.SIGNED_LINK)).containsExactlyInAnyOrder(
                "GET /ack/{token}", "POST /ack/{token}");
    }

    static Stream<ApiRoutes.Endpoint> endpointsOf(EndpointAccess access) {
        return withTokens.endpoints().stream().filter(endpoint -> endpoint.access() == access);
    }

    static Stream<ApiRoutes.Endpoint> reads() {
        return endpointsOf(EndpointAccess.READ);
    }

    static Stream<ApiRoutes.Endpoint> writes() {
        return endpointsOf(EndpointAccess.WRITE);
    }

    static Stream<ApiRoutes.Endpoint> openOnes() {
        return Stream.concat(endpointsOf(EndpointAccess.OPEN), endpointsOf(EndpointAccess.SIGNED_LINK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void shouldRefuseAReadWithoutAValidTokenWhereTheRouterHasTokens(ApiRoutes.Endpoint endpoint) {
        HttpResponse<String> anonymous = call(withTokens, endpoint, null);
        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(call(withTokens, endpoint, "a-guessed-token").statusCode()).isEqualTo(401);
        assertAnswered(call(withTokens, endpoint, READ_TOKEN), endpoint, "a read token");
        assertAnswered(call(withTokens, endpoint, WRITE_TOKEN), endpoint, "a write token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void shouldServeAReadToAnyoneWhereTheRouterHasNoTokenAtAll(ApiRoutes.Endpoint endpoint) {
        assertAnswered(call(withoutTokens, endpoint, null), endpoint, "no token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void shouldRefuseAWriteWithoutAWriteToken(ApiRoutes.Endpoint endpoint) {
        assertThat(call(withTokens, endpoint, null).statusCode()).isEqualTo(401);
        assertThat(call(withTokens, endpoint, "a-guessed-token").statusCode()).isEqualTo(401);
        HttpResponse<String> readToken = call(withTokens, endpoint, READ_TOKEN);
        assertThat(readToken.statusCode()).isEqualTo(403);
        assertThat(readToken.body()).contains("scope read", "needs write");
        HttpResponse<String> noneConfigured = call(withoutTokens, endpoint, null);
        assertThat(noneConfigured.statusCode()).isEqualTo(403);
        assertThat(noneConfigured.body()).contains("no API token of scope write", "router.api.token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openOnes")
    void shouldLeaveProbesMetricsAndSignedLinksOpen(ApiRoutes.Endpoint endpoint) {
        for (RouterApp app : new RouterApp[] {withTokens, withoutTokens}) {
            int status = call(app, endpoint, null).statusCode();
            if (endpoint.access() == EndpointAccess.OPEN) {
                assertThat(status).isEqualTo(200);
            } else {
                // no bearer token asked for: the link's own answer, here that links are not configured
                assertThat(status).isEqualTo(404);
            }
        }
    }

    /** Past the token check: 200, or 404 for the made-up id of a path with one. */
    private static void assertAnswered(HttpResponse<String> response, ApiRoutes.Endpoint endpoint, String caller) {
        int expected = endpoint.path().contains("{") ? 404 : 200;
        assertThat(response.statusCode()).as(caller + ": " + response.body()).isEqualTo(expected);
    }

    private static List<String> pathsOf(List<ApiRoutes.Endpoint> table, EndpointAccess access) {
        return table.stream().filter(endpoint -> endpoint.access() == access)
                .map(endpoint -> endpoint.method() + " " + endpoint.path()).toList();
    }

    private static HttpResponse<String> call(RouterApp app, ApiRoutes.Endpoint endpoint, String token) {
        String path = endpoint.path().replace("{id}", UUID.randomUUID().toString()).replace("{action}", "ack")
                .replace("{token}", "v1.made-up-link");
        return send(app, endpoint.method(), path, token);
    }

    private static HttpResponse<String> send(RouterApp app, String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static RouterApp start(String suffix, RouterAppConfig.Builder builder) throws InterruptedException {
        return RouterApp.start(builder.bootstrapServers(broker.bootstrapServers())
                        .set(RouterAppKeys.APPLICATION_ID, "router-access" + suffix)
                        .set(RouterAppKeys.STATE_DIR, stateDir.resolve("router" + suffix))
                        .topics(RouterTopics.withSuffix(suffix))
                        .set(RouterAppKeys.TOPIC_DELIVERIES, "router.deliveries" + suffix)
                        .set(RouterAppKeys.PARTITIONS, 1)
                        .set(RouterAppKeys.HTTP_PORT, 0)
                        .build(),
                RouterConfigLoader.parse("router.yml", """
                        route: {receiver: nowhere, group_by: [slo]}
                        receivers:
                        - name: nowhere
                        """).orElseThrow());
    }

    private static void awaitReady(RouterApp app) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (send(app, "GET", "/readyz", null).statusCode() != 200) {
            assertThat(System.nanoTime()).as("waiting for the router to be ready").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
