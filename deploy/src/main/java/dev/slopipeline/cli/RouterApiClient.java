package dev.slopipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Calls the alert router's JSON HTTP API with an optional bearer token, for every command that talks to a running
 * router ({@code silence}, {@code incidents}, {@code ack}, {@code resolve}). A refusal comes back as a
 * {@link RouterApiException} carrying the router's own explanation (and its list of problems), so the command line
 * can print what the router said; {@link #exitCode} does that for a command.
 */
final class RouterApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** Where the router is and the token to show it: the options of every router API command (a picocli mixin). */
    static final class Options {

        @Option(names = "--url", paramLabel = "URL", defaultValue = "${SLO_ROUTER_URL:-http://localhost:9095}",
                description = "The router's HTTP API (default: $SLO_ROUTER_URL, else ${DEFAULT-VALUE}).")
        URI url;

        @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${SLO_ROUTER_TOKEN}",
                showDefaultValue = CommandLine.Help.Visibility.NEVER,
                description = "Bearer token (default: $SLO_ROUTER_TOKEN). Writes need one of scope write; on a router "
                        + "with tokens, reads need one of scope read or write.")
        String token;

        RouterApiClient client() {
            return new RouterApiClient(url, token);
        }
    }

    /** A command's work against the router, returning its exit code. */
    @FunctionalInterface
    interface Work {
        int call();
    }

    /**
     * Runs a command's calls to the router: a refusal or an unreachable router is printed as
     * {@code slo <command>: <what the router said>} with the router's problems below, exit code 1.
     */
    static int exitCode(CommandLine.Model.CommandSpec spec, Work work) {
        try {
            return work.call();
        } catch (RouterApiException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("slo " + spec.qualifiedName().replaceFirst("^slo ", "") + ": " + e.getMessage());
            e.problems().forEach(problem -> err.println("  " + problem.asText()));
            return 1;
        }
    }

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param base  the router's address, e.g. {@code http://localhost:9095}
     * @param token a bearer token, or null or blank for none
     */
    RouterApiClient(URI base, String token) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.token = token == null || token.isBlank() ? null : token.trim();
    }

    JsonNode get(String path) {
        return call("GET", path, null);
    }

    JsonNode post(String path, JsonNode body) {
        return call("POST", path, body);
    }

    JsonNode delete(String path) {
        return call("DELETE", path, null);
    }

    private JsonNode call(String method, String path, JsonNode body) {
        URI uri = URI.create(base + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            String hint = e instanceof java.net.ConnectException ? "; is it running? (see --url)" : "";
            throw new RouterApiException(0, "cannot reach the router at " + base + " (" + method + " " + path + "): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + hint,
                    MissingNode.getInstance());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RouterApiException(0, "interrupted while calling the router", MissingNode.getInstance());
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String error = answer.path("error").asText("");
            throw new RouterApiException(response.statusCode(), "the router answered " + method + " " + path + " with "
                    + response.statusCode() + (error.isEmpty() ? "" : ": " + error), answer.path("problems"));
        }
        return answer;
    }

    private byte[] bytes(JsonNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            // Not from the router (a proxy's HTML page, say): the status alone tells the story.
            return MissingNode.getInstance();
        }
    }

    /** The router refused a request, or could not be reached (status 0). */
    static final class RouterApiException extends RuntimeException {

        private final int status;
        private final JsonNode problems;

        RouterApiException(int status, String message, JsonNode problems) {
            super(message);
            this.status = status;
            this.problems = problems;
        }

        int status() {
            return status;
        }

        /** The router's list of problems with the request (an empty node when it gave none). */
        JsonNode problems() {
            return problems;
        }
    }
}
