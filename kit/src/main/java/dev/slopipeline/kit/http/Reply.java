package dev.slopipeline.kit.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response: status, content type (null for none), body and any extra headers. The server adds
 * {@code Cache-Control: no-store} and {@code X-Content-Type-Options: nosniff} unless the reply sets them itself.
 */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String JSON = "application/json";

    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply json(int status, JsonNode body) {
        return json(status, Json.bytes(body));
    }

    public static Reply json(int status, byte[] body) {
        return new Reply(status, JSON, body, Map.of());
    }

    /** {@code {"error": message, "status": status}}, so every failure reads the same way. */
    public static Reply error(int status, String message) {
        return json(status, Json.object().put("error", message).put("status", status));
    }

    /** 503 with {@code Retry-After}, for states that pass by themselves (a rebalance, a start). */
    public static Reply unavailable(String message) {
        return error(503, message).withHeader("Retry-After", "1");
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
