package dev.slopipeline.ui;

import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forwards one API request to the app that answers it, as the browser sent it (method, path, query, body,
 * {@code Authorization}), and hands the answer back unchanged. The UI itself holds no data: the streams app and
 * the router stay the only sources of truth, with their own token rules.
 *
 * <p>With a default token configured, a request that brings no {@code Authorization} header gets that token. A
 * write relying on it must carry the {@value #UI_HEADER} header: a browser sends a custom header cross-origin only
 * after a CORS preflight, which this server never grants, so another web site cannot write through the UI.
 */
final class ApiProxy {

    /** Sent by the UI's own script on every write. */
    static final String UI_HEADER = "X-Slo-Ui";
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Retry-After", "WWW-Authenticate");

    private final HttpClient client;
    private final Optional<String> defaultToken;

    ApiProxy(HttpClient client, Optional<String> defaultToken) {
        this.client = client;
        this.defaultToken = defaultToken;
    }

    /**
     * What {@code upstream} (a base URL, or empty when not configured) answers to {@code incoming}. The body has been
     * read within {@link #MAX_BODY_BYTES} already.
     */
    Reply forward(Request incoming, String upstreamName, Optional<URI> upstream) {
        if (upstream.isEmpty()) {
            return Reply.error(503, "this UI was started without the " + upstreamName + "'s URL, so it cannot show "
                    + incoming.path());
        }
        String method = incoming.method();
        Optional<String> own = incoming.header("Authorization").filter(value -> !value.isBlank());
        if (own.isEmpty() && defaultToken.isPresent() && !method.equals("GET") && incoming.header(UI_HEADER).isEmpty()) {
            return Reply.error(403, "writes that rely on the UI's default token must come from the UI itself (header "
                    + UI_HEADER + "); other clients send their own \"Authorization: Bearer <token>\"");
        }
        byte[] body = incoming.body();
        HttpRequest.Builder request = HttpRequest.newBuilder(target(upstream.get(), incoming.rawPath(), incoming.rawQuery()))
                .timeout(TIMEOUT)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : REQUEST_HEADERS) {
            if (!header.equals("Authorization")) {
                incoming.header(header).ifPresent(value -> request.header(header, value));
            }
        }
        // the browser's own token wins; the default only fills in when it sent none
        own.or(() -> defaultToken.map(token -> "Bearer " + token)).ifPresent(value -> request.header("Authorization", value));
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            return Reply.error(502, "the " + upstreamName + " at " + upstream.get() + " cannot be reached (connection refused)");
        } catch (HttpTimeoutException e) {
            return Reply.error(504, "the " + upstreamName + " at " + upstream.get() + " did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error(503, "the UI is shutting down");
        } catch (IOException e) {
            return Reply.error(502, "the " + upstreamName + " at " + upstream.get() + " failed: " + e.getMessage());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header : RESPONSE_HEADERS) {
            response.headers().firstValue(header).ifPresent(value -> headers.put(header, value));
        }
        String contentType = headers.remove("Content-Type");
        return new Reply(response.statusCode(), contentType, response.body(), headers);
    }

    /** The upstream base URL (which may carry a path prefix) plus the request's raw path and query. */
    static URI target(URI base, String rawPath, String rawQuery) {
        String prefix = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        return URI.create(prefix + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
    }
}
