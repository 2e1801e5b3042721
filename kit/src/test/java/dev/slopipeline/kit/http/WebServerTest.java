package dev.slopipeline.kit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Routing, the kit's own replies and the headers every reply carries, over real sockets. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebServerTest {

    private static final int MAX_BODY = 1024;
    /** Where the tests' log goes (simplelogger.properties). */
    private static final Path LOG = Path.of("target", "kit-tests.log");

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> observed = new ArrayList<>();
    private WebServer server;

    @BeforeEach
    void start() {
        server = WebServer.bind("127.0.0.1", 0, Limits.DEFAULT.withMaxBodyBytes(MAX_BODY), "test-http");
        server.start(new Routes()
                .probe("/healthz", request -> Reply.json(200, Json.object().put("status", "alive")))
                .post("/things", request -> Reply.json(202, Json.object().put("bytes", request.body().length)))
                .post("/batches", 4 * MAX_BODY, request -> Reply.json(202, Json.object().put("bytes",
                        request.body().length)))
                .get("/things/{id}", request -> Reply.json(200, Json.object().put("id", request.pathParameter("id"))))
                .delete("/things/{id}", request -> Reply.json(202, Json.object().put("deleted", request.pathParameter("id"))))
                .get("/things/special", request -> Reply.json(200, Json.object().put("special", true)))
                .get("/files/{path...}", request -> Reply.json(200, Json.object().put("path", request.pathParameter("path"))))
                .get("/echo", request -> Reply.json(200, Json.object()
                        .put("q", request.parameter("q").orElse(null))
                        .put("header", request.header("x-SOME-header").orElse(null))))
                .get("/broken", request -> {
                    throw new IllegalStateException("the database at db.internal:5432 said no");
                })
                .guard(request -> request.header("X-Refuse").map(reason -> Reply.error(403, reason)))
                .guard(request -> {
                    if (request.header("X-Break-The-Guard").isPresent()) {
                        throw new IllegalStateException("the guard broke");
                    }
                    return Optional.empty();
                })
                .observe((route, status) -> {
                    synchronized (observed) {
                        observed.add(route + " " + status);
                    }
                }));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldHandAPathParameterDecodedAndPreferALiteralSegment() throws Exception {
        assertThat(send("GET", "/things/a%20b").body()).isEqualTo("{\"id\":\"a b\"}");
        assertThat(send("GET", "/things/special").body()).isEqualTo("{\"special\":true}");
        assertThat(send("GET", "/files/a/b/c.txt").body()).isEqualTo("{\"path\":\"a/b/c.txt\"}");
        assertThat(send("GET", "/files/").body()).isEqualTo("{\"path\":\"\"}");
    }

    @Test
    void shouldNotServeAParameterThatIsEmpty() throws Exception {
        assertThat(send("DELETE", "/things/").statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/things/42").body()).isEqualTo("{\"deleted\":\"42\"}");
    }

    @Test
    void shouldNameTheAllowedMethodsAndTheServedPaths() throws Exception {
        HttpResponse<String> wrongMethod = send("PUT", "/things/42");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("DELETE, GET");
        assertThat(wrongMethod.body()).startsWith("{\"error\":\"PUT is not supported at /things/42; use DELETE, GET\"");

        HttpResponse<String> unknown = send("GET", "/nothing");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).startsWith("{\"error\":\"no endpoint at /nothing; this server serves [")
                .contains("/things/{id}").endsWith(",\"status\":404}");
    }

    @Test
    void shouldReadQueryParametersAndHeadersWhateverTheirCase() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/echo?q=a%26b&q=second"))
                .header("X-Some-Header", "yes").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("{\"q\":\"a&b\",\"header\":\"yes\"}");
        assertThat(RawConnection.exchange(server.port(), "GET /echo?q=%zz HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 400 ").contains("\"status\":400");
    }

    @Test
    void shouldHandABodyWithinTheLimitAndRefuseOneOverIt() throws Exception {
        assertThat(send("POST", "/things", new byte[MAX_BODY]).body()).isEqualTo("{\"bytes\":" + MAX_BODY + "}");

        HttpResponse<String> tooLarge = send("POST", "/things", new byte[MAX_BODY + 1]);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).isEqualTo("{\"error\":\"the request body exceeds " + MAX_BODY + " bytes\",\"status\":413}");
    }

    @Test
    void shouldHoldARouteWithALimitOfItsOwnToThatLimit() throws Exception {
        assertThat(send("POST", "/batches", new byte[4 * MAX_BODY]).body()).isEqualTo("{\"bytes\":" + 4 * MAX_BODY + "}");

        HttpResponse<String> tooLarge = send("POST", "/batches", new byte[4 * MAX_BODY + 1]);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("exceeds " + 4 * MAX_BODY + " bytes");
        assertThat(send("POST", "/things", new byte[MAX_BODY + 1]).statusCode()).isEqualTo(413);
    }

    @Test
    void shouldLetAClientStillSendingABodyFarOverTheLimitSeeThe413() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(send("POST", "/things", new byte[2 * 1024 * 1024]).statusCode()).isEqualTo(413);
        }
    }

    @Test
    void shouldRefuseABodyOverTheLimitThatDoesNotSayItsLength() throws Exception {
        // chunked: the size shows only while reading
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/things"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[MAX_BODY * 4])))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void shouldRefuseATargetOverTheLimit() throws Exception {
        HttpResponse<String> response = send("GET", "/things/" + "x".repeat(Limits.DEFAULT.maxUriLength()));

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.body()).contains("\"error\"");
    }

    @Test
    void shouldAnswerAFailingHandlerWithAnErrorIdAndLogTheIdWithTheException() throws Exception {
        HttpResponse<String> response = send("GET", "/broken");
        String log = Files.readString(LOG);

        assertThat(response.statusCode()).isEqualTo(500);
        String id = Json.parse(response.body().getBytes(), "the reply").path("errorId").asText();
        assertThat(id).matches("[0-9a-f]{16}");
        assertThat(response.body()).contains(id).doesNotContain("db.internal", "said no", "IllegalStateException");
        assertThat(log).contains("GET /broken failed (error id " + id + ")")
                .contains("java.lang.IllegalStateException: the database at db.internal:5432 said no")
                .contains("\tat dev.slopipeline.kit.http.WebServerTest");
    }

    @Test
    void shouldLetAGuardRefuseBeforeAnyRoute() throws Exception {
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(uri("/nothing")).header("X-Refuse", "not you")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("{\"error\":\"not you\",\"status\":403}");
    }

    @Test
    void shouldAnswerAFailingGuardAsAFailingHandlerRatherThanLeaveTheClientWaiting() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/healthz"))
                .header("X-Break-The-Guard", "yes").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"errorId\"").doesNotContain("the guard broke");
    }

    @Test
    void shouldMarkEveryReplyUncachableAndNameNoServerSoftware() throws Exception {
        HttpResponse<String> response = send("GET", "/healthz");

        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void shouldAnswerARequestJettyRefusesItselfInTheSameJsonShape() throws Exception {
        // an encoded slash is ambiguous: it could name one segment or two
        HttpResponse<String> response = send("GET", "/things/a%2Fb");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(Json.parse(response.body().getBytes(), "the reply").path("status").asInt()).isEqualTo(400);
    }

    @Test
    void shouldAnswerAMalformedRequestInTheSameJsonShape() throws Exception {
        String answer = RawConnection.exchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: localhost\r\n"
                + "Bad Header Line\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/json")
                .contains("\"status\":400}").doesNotContain("<html", "<h1>");
    }

    @Test
    void shouldRefuseHeadersOverTheirLimit() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/healthz"))
                .header("X-Padding", "x".repeat(10 * 1024)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.body()).contains("\"status\":431");
    }

    @Test
    void shouldTellTheObserverEachRouteTemplateAndStatus() throws Exception {
        send("GET", "/things/7");
        send("GET", "/nothing");

        synchronized (observed) {
            assertThat(observed).containsExactly("/things/{id} 200", Routes.UNMATCHED + " 404");
        }
    }

    @Test
    void shouldReleaseItsPortWhenClosedBeforeItStarted() {
        WebServer unstarted = WebServer.bind("127.0.0.1", 0, Limits.DEFAULT, "unstarted");
        int port = unstarted.port();
        unstarted.close();

        WebServer again = WebServer.bind("127.0.0.1", port, Limits.DEFAULT, "again");
        assertThat(again.port()).isEqualTo(port);
        again.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return send(method, path, new byte[0]);
    }

    private HttpResponse<String> send(String method, String path, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
