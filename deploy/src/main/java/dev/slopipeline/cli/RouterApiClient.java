package dev.slopipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The router's HTTP API as the commands call it: {@code --url} and {@code --token} (default: the
 * {@code SLO_ROUTER_TOKEN} environment variable), JSON in and out, errors read from the API's {@code "error"}.
 */
final class RouterApiClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** The options every router API command takes; a picocli mixin. */
    static final class Options {
        @Option(names = "--url", paramLabel = "URL", defaultValue = "http://localhost:9095",
                description = "The router's HTTP API (default: ${DEFAULT-VALUE}).")
        URI url;

        @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:SLO_ROUTER_TOKEN}",
                description = "Bearer token for the API (default: the SLO_ROUTER_TOKEN environment variable).")
        String token;
    }

    /** The status and the parsed JSON body of an answer. */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status / 100 == 2;
        }

        /** What went wrong, as the API said it. */
        String error() {
            return "HTTP " + status + ": " + body.path("error").asText(body.toString());
        }
    }

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    RouterApiClient(Options options) {
        this.options = options;
    }

    Answer get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).GET());
    }

    Answer post(String path, JsonNode body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body))));
    }

    /** One request to the API. */
    @FunctionalInterface
    interface Call {
        Answer send(RouterApiClient client) throws IOException, InterruptedException;
    }

    /** The answer of a call that succeeded; otherwise empty, with what went wrong written to {@code err}. */
    Optional<Answer> succeeded(Call call, PrintWriter err) throws InterruptedException {
        Answer answer;
        try {
            answer = call.send(this);
        } catch (IOException e) {
            err.println(e.getMessage());
            return Optional.empty();
        }
        if (!answer.ok()) {
            err.println(answer.error());
            return Optional.empty();
        }
        return Optional.of(answer);
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    private HttpRequest.Builder request(String path) {
        String base = options.url.toString().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        if (options.token != null && !options.token.isBlank()) {
            request.header("Authorization", "Bearer " + options.token.strip());
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new IOException("cannot reach the router at " + options.url + " (is it running? see --url)", e);
        }
        JsonNode body;
        try {
            body = response.body().length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(response.body());
        } catch (IOException e) {
            body = MAPPER.createObjectNode().put("error", new String(response.body(), StandardCharsets.UTF_8));
        }
        return new Answer(response.statusCode(), body);
    }
}
