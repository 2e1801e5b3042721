package dev.slopipeline.router.delivery.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.router.delivery.DeliveryResult;
import dev.slopipeline.router.secret.Redacted;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * POSTs one JSON document and sorts the answer into delivered, worth retrying, or pointless to retry. Shared by every
 * HTTP channel so they all classify failures the same way.
 *
 * <p>Error texts name the HTTP status and the start of the response body, never the URL: URLs can hold credentials,
 * so a body that quotes the URL's path or query has them masked. A reply body is read up to {@link #MAX_REPLY_BYTES};
 * the rest is never read, the connection being closed instead.
 */
public final class JsonPoster {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Far more than any receiver's error text needs; only its start is kept in errors anyway. */
    public static final int MAX_REPLY_BYTES = 64 * 1024;
    private static final int BODY_CHARS_IN_ERRORS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Clock clock;

    public JsonPoster(HttpClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** No redirects: a receiver that moved is a configuration error to report, not something to follow silently. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The bytes a channel posts, and signs when it signs. */
    public static byte[] toBytes(JsonNode document) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built in memory could not be written", e);
        }
    }

    public DeliveryResult post(URI url, byte[] json, String idempotencyKey, Map<String, String> headers,
                               Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "slo-pipeline-router")
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), BoundedBody.handler(MAX_REPLY_BYTES));
            return classify(response, url);
        } catch (HttpTimeoutException e) {
            return new DeliveryResult.TransientFailure("no answer within " + timeout);
        } catch (ConnectException e) {
            return new DeliveryResult.TransientFailure("cannot connect: " + describe(e));
        } catch (IOException e) {
            return new DeliveryResult.TransientFailure("I/O error: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.TransientFailure("interrupted while waiting for an answer");
        }
    }

    private DeliveryResult classify(HttpResponse<String> response, URI url) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new DeliveryResult.Accepted(status);
        }
        String error = "HTTP " + status + bodyExcerpt(masked(response.body(), url));
        // 408 is the server's own timeout; 429 and 5xx say "not now", not "never".
        if (status == 408 || status == 429 || status >= 500) {
            return new DeliveryResult.TransientFailure(error,
                    RetryAfter.parse(response.headers().firstValue("Retry-After"), clock.instant()));
        }
        return new DeliveryResult.PermanentFailure(error);
    }

    /** The body without the URL's path and query, which a receiver may quote back and which may be a credential. */
    private static String masked(String body, URI url) {
        String masked = body;
        for (String part : new String[] {url.getRawQuery(), url.getQuery(), url.getRawPath(), url.getPath()}) {
            if (part != null && part.length() > 1) {
                masked = Redacted.scrub(masked, part);
            }
        }
        return masked;
    }

    private static String bodyExcerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() > BODY_CHARS_IN_ERRORS ? flat.substring(0, BODY_CHARS_IN_ERRORS) + "…" : flat);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }
}
