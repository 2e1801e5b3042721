package dev.slopipeline.router.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ApiServerTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private ApiServer server;

    @BeforeEach
    void start() {
        server = ApiServer.bind(0)
                .route("POST", "/things", request -> Reply.json(202, Json.object().put("bytes", request.body().length)))
                .route("DELETE", "/things/", request -> Reply.json(202, Json.object().put("path", request.path())));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldHandABodyWithinTheLimitToItsRoute() throws Exception {
        HttpResponse<String> response = send("POST", "/things", new byte[ApiServer.MAX_BODY_BYTES]);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"bytes\":" + ApiServer.MAX_BODY_BYTES);
    }

    @Test
    void shouldRefuseABodyOverTheLimit() throws Exception {
        HttpResponse<String> response = send("POST", "/things", new byte[ApiServer.MAX_BODY_BYTES + 1]);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"error\"");
    }

    @Test
    void shouldServeThePathsBelowARouteEndingInASlash() throws Exception {
        HttpResponse<String> response = send("DELETE", "/things/42", new byte[0]);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("/things/42");
        assertThat(send("DELETE", "/things/", new byte[0]).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldNameTheAllowedMethodsAndTheKnownPaths() throws Exception {
        HttpResponse<String> wrongMethod = send("GET", "/things", new byte[0]);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");

        HttpResponse<String> unknown = send("GET", "/nothing", new byte[0]);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("/things");
    }

    private HttpResponse<String> send(String method, String path, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
