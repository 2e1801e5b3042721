package dev.slopipeline.ui;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
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

    /** Answers {@code exchange} with what {@code upstream} (a base URL, or empty when not configured) says. */
    void forward(HttpExchange exchange, String upstreamName, Optional<URI> upstream) throws IOException {
        if (upstream.isEmpty()) {
            Replies.error(exchange, 503, "this UI was started without the " + upstreamName + "'s URL, so it cannot show "
                    + exchange.getRequestURI().getPath());
            return;
        }
        String method = exchange.getRequestMethod();
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            Replies.error(exchange, 413, "a request body must not exceed " + MAX_BODY_BYTES + " bytes");
            return;
        }
        Optional<String> own = ownAuthorization(exchange);
        if (own.isEmpty() && defaultToken.isPresent() && !method.equals("GET")
                && exchange.getRequestHeaders().getFirst(UI_HEADER) == null) {
            Replies.error(exchange, 403, "writes that rely on the UI's default token must come from the UI itself (header "
                    + UI_HEADER + "); other clients send their own \"Authorization: Bearer <token>\"");
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target(upstream.get(), exchange.getRequestURI()))
                .timeout(TIMEOUT)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : REQUEST_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null && !header.equals("Authorization")) {
                request.header(header, value);
            }
        }
        // the browser's own token wins; the default only fills in when it sent none
        own.or(() -> defaultToken.map(token -> "Bearer " + token)).ifPresent(value -> request.header("Authorization", value));
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            Replies.error(exchange, 502, "the " + upstreamName + " at " + upstream.get() + " cannot be reached (connection refused)");
            return;
        } catch (HttpTimeoutException e) {
            Replies.error(exchange, 504, "the " + upstreamName + " at " + upstream.get() + " did not answer within " + TIMEOUT.toSeconds() + " s");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Replies.error(exchange, 503, "the UI is shutting down");
            return;
        } catch (IOException e) {
            Replies.error(exchange, 502, "the " + upstreamName + " at " + upstream.get() + " failed: " + e.getMessage());
            return;
        }
        for (String header : RESPONSE_HEADERS) {
            response.headers().firstValue(header).ifPresent(value -> exchange.getResponseHeaders().set(header, value));
        }
        Replies.send(exchange, response.statusCode(), response.body());
    }

    private static Optional<String> ownAuthorization(HttpExchange exchange) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).filter(value -> !value.isBlank());
    }

    /** The upstream base URL (which may carry a path prefix) plus the request's raw path and query. */
    static URI target(URI base, URI request) {
        String prefix = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        String query = request.getRawQuery() == null ? "" : "?" + request.getRawQuery();
        return URI.create(prefix + request.getRawPath() + query);
    }

    /** The whole body, or null when it is larger than {@link #MAX_BODY_BYTES}; reads at most one byte past it. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }
}
