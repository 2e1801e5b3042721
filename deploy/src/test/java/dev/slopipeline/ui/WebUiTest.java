package dev.slopipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The UI server against two real local HTTP servers standing in for the streams app and the router. */
class WebUiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private Upstream streams;
    private Upstream router;

    @BeforeEach
    void startUpstreams() throws IOException {
        streams = new Upstream("streams");
        router = new Upstream("router");
    }

    @AfterEach
    void stopUpstreams() {
        streams.close();
        router.close();
    }

    @Test
    void shouldServeThePageAndItsAssetsWithAPolicyThatForbidsOutsideSources() throws Exception {
        try (WebUi ui = ui().start()) {
            HttpResponse<String> page = get(ui, "/", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    policy -> assertThat(policy).contains("default-src 'self'").doesNotContain("http"));
            assertThat(page.body()).contains("<script src=\"app.js\"", "id=\"slos\"", "id=\"incidents\"");
            assertThat(page.body()).doesNotContain("http://", "https://");

            HttpResponse<String> script = get(ui, "/app.js", null);
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
            assertThat(script.body()).contains("/api/v1/slos").doesNotContain("https://");
            assertThat(get(ui, "/app.css", null).statusCode()).isEqualTo(200);
        }
    }

    /** Requests for what is neither a bundled file nor an app's API, and the status each gets; none reaches an app. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an asset that is not bundled is not found                             | GET  | /missing.js                        |   | 404
            a path climbing out of the assets through an encoded slash is refused | GET  | /..%2Fsimplelogger.properties      |   | 400
            a file on the class path beside the assets is not served              | GET  | /simplelogger.properties           |   | 404
            a class of the server itself is not served                            | GET  | /dev/slopipeline/ui/WebUi.class    |   | 404
            a page cannot be posted to                                            | POST | /index.html                        | x | 405
            a path climbing out of the SLO API through encoded dots is refused    | GET  | /api/v1/slos/%2e%2e/%2e%2e/metrics |   | 400
            """)
    void shouldServeNothingButTheBundledFiles(String behaviour, String method, String path, String body, int status) throws Exception {
        try (WebUi ui = ui().start()) {
            assertThat(send(ui, method, path, body == null ? "" : body, null).statusCode()).as(behaviour).isEqualTo(status);
            assertThat(streams.seen).as(behaviour).isEmpty();
        }
    }

    @Test
    void shouldForwardSloPathsToTheStreamsAppAndTheRestToTheRouterWithTheBrowsersToken() throws Exception {
        try (WebUi ui = ui().start()) {
            HttpResponse<String> slos = get(ui, "/api/v1/slos/checkout/history?from=2026-01-01", "Bearer reader");
            assertThat(slos.statusCode()).isEqualTo(200);
            assertThat(slos.body()).isEqualTo("{\"from\":\"streams\"}");
            assertThat(streams.seen).singleElement().isEqualTo("GET /api/v1/slos/checkout/history?from=2026-01-01 auth=Bearer reader body=");

            HttpResponse<String> ack = send(ui, "POST", "/api/v1/incidents/i-1/ack", "{\"by\":\"alice\"}", "Bearer writer");
            assertThat(ack.body()).isEqualTo("{\"from\":\"router\"}");
            assertThat(router.seen).singleElement().isEqualTo("POST /api/v1/incidents/i-1/ack auth=Bearer writer body={\"by\":\"alice\"}");

            send(ui, "DELETE", "/api/v1/silences/s-1", "", null);
            assertThat(router.seen).last().isEqualTo("DELETE /api/v1/silences/s-1 auth=null body=");
            assertThat(streams.seen).hasSize(1);
        }
    }

    @Test
    void shouldHandBackTheAppsRefusalUnchanged() throws Exception {
        router.status = 401;
        try (WebUi ui = ui().start()) {
            HttpResponse<String> refused = send(ui, "POST", "/api/v1/silences", "{}", null);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(refused.body()).isEqualTo("{\"from\":\"router\"}");
        }
    }

    @Test
    void shouldSendTheDefaultTokenOnlyForItsOwnPageWhenWriting() throws Exception {
        try (WebUi ui = ui().defaultToken("demo-token").start()) {
            assertThat(get(ui, "/ui-config", null).body()).isEqualTo("{\"defaultToken\":true,\"refreshSeconds\":5}");

            get(ui, "/api/v1/oncall", null);
            assertThat(router.seen).last().asString().contains("auth=Bearer demo-token");

            HttpResponse<String> foreign = send(ui, "POST", "/api/v1/incidents/i-1/resolve", "{\"by\":\"mallory\"}", null);
            assertThat(foreign.statusCode()).isEqualTo(403);
            assertThat(foreign.body()).contains(ApiProxy.UI_HEADER);
            assertThat(router.seen).hasSize(1);

            HttpResponse<String> own = http.send(HttpRequest.newBuilder(ui.url().resolve("/api/v1/incidents/i-1/resolve"))
                    .header(ApiProxy.UI_HEADER, "1").POST(HttpRequest.BodyPublishers.ofString("{\"by\":\"alice\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(router.seen).last().asString().contains("auth=Bearer demo-token");

            send(ui, "POST", "/api/v1/silences", "{}", "Bearer own-token");
            assertThat(router.seen).last().asString().contains("auth=Bearer own-token");
        }
    }

    @Test
    void shouldNotHandOutATokenWhenNoneIsConfigured() throws Exception {
        try (WebUi ui = ui().start()) {
            assertThat(get(ui, "/ui-config", null).body()).isEqualTo("{\"defaultToken\":false,\"refreshSeconds\":5}");
            send(ui, "POST", "/api/v1/silences", "{}", null);
            assertThat(router.seen).last().asString().contains("auth=null");
        }
    }

    /**
     * What a page on another site could make a browser send, against what the UI's own page and other clients send:
     * a host name that rebinds to this machine is refused for every request, another site's origin for writes.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the page by its loopback name                               | GET  | /api/v1/oncall     | localhost:{port}        |                          | 200
            the page by its IP address                                  | GET  | /api/v1/oncall     | 127.0.0.1:{port}        |                          | 200
            the page by an IPv6 address                                 | GET  | /api/v1/oncall     | [::1]:{port}            |                          | 200
            the page by the name it was given                           | GET  | /api/v1/oncall     | slo.example.com         |                          | 200
            a name that rebinds to this machine, reading                | GET  | /api/v1/oncall     | rebind.attacker.example |                          | 403
            a name that rebinds to this machine, its own page           | GET  | /                  | rebind.attacker.example |                          | 403
            a name that rebinds to this machine, writing                | POST | /api/v1/silences   | rebind.attacker.example | http://rebind.attacker.example | 403
            a write from the UI's own page                              | POST | /api/v1/silences   | localhost:{port}        | http://localhost:{port}  | 200
            a write from a tool that sends no origin                    | POST | /api/v1/silences   | localhost:{port}        |                          | 200
            a write from another site                                   | POST | /api/v1/silences   | localhost:{port}        | https://attacker.example | 403
            a write from a sandboxed page                               | POST | /api/v1/silences   | localhost:{port}        | null                     | 403
            a write from the same host on another port                  | POST | /api/v1/silences   | localhost:{port}        | http://localhost:1       | 403
            """)
    void shouldServeOnlyItsOwnHostsAndTakeWritesOnlyFromItsOwnPage(String behaviour, String method, String path,
                                                                  String host, String origin, int status) throws Exception {
        try (WebUi ui = ui().host("slo.example.com").start()) {
            String port = String.valueOf(ui.port());
            String answer = raw(ui, method + " " + path + " HTTP/1.1\r\nHost: " + host.replace("{port}", port) + "\r\n"
                    + (origin == null ? "" : "Origin: " + origin.replace("{port}", port) + "\r\n")
                    + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");

            assertThat(answer).as(behaviour).startsWith("HTTP/1.1 " + status + " ");
            if (status == 403) {
                assertThat(router.seen).as(behaviour).isEmpty();
                assertThat(answer).as(behaviour).contains("\"status\":403");
            }
        }
    }

    @Test
    void shouldSayWhichAppCannotBeReached() throws Exception {
        URI nobody;
        try (ServerSocket free = new ServerSocket(0)) {
            nobody = URI.create("http://localhost:" + free.getLocalPort());
        }
        try (WebUi ui = WebUi.builder().port(0).streamsUrl(nobody).start()) {
            HttpResponse<String> slos = get(ui, "/api/v1/slos", null);
            assertThat(slos.statusCode()).isEqualTo(502);
            assertThat(slos.body()).contains("streams app", nobody.toString(), "cannot be reached");

            HttpResponse<String> oncall = get(ui, "/api/v1/oncall", null);
            assertThat(oncall.statusCode()).isEqualTo(503);
            assertThat(oncall.body()).contains("without the router's URL");
        }
    }

    /** One request as sent, over a plain socket: an HTTP client library would not let a test choose the Host. */
    private static String raw(WebUi ui, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", ui.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private WebUi.Builder ui() {
        return WebUi.builder().port(0).streamsUrl(streams.url()).routerUrl(router.url());
    }

    private HttpResponse<String> get(WebUi ui, String path, String authorization) throws Exception {
        return send(ui, "GET", path, "", authorization);
    }

    private HttpResponse<String> send(WebUi ui, String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(ui.url().resolve(path))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Records every request as "METHOD path?query auth=... body=..." and answers {"from": name}. */
    private static final class Upstream implements AutoCloseable {

        final List<String> seen = new CopyOnWriteArrayList<>();
        volatile int status = 200;
        private final HttpServer server;

        Upstream(String name) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth="
                            + exchange.getRequestHeaders().getFirst("Authorization") + " body=" + body);
                    byte[] answer = ("{\"from\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    if (status == 401) {
                        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                    }
                    exchange.sendResponseHeaders(status, answer.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                }
            });
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
