package dev.slopipeline.streams.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A response: status, content type, body, and any extra headers. */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String JSON = "application/json";

    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply json(int status, byte[] body) {
        return new Reply(status, JSON, body, Map.of());
    }

    public static Reply json(int status, ObjectNode body) {
        return json(status, Json.bytes(body));
    }

    /** {@code {"error": message, "status": status}}, so every failure reads the same way. */
    public static Reply error(int status, String message) {
        return json(status, Json.object().put("error", message).put("status", status));
    }

    /** 503 with {@code Retry-After}, for states that pass by themselves (a rebalance). */
    public static Reply unavailable(String message) {
        return error(503, message).withHeader("Retry-After", "1");
    }

    /** 503 listing every reason, for a health endpoint that fails. */
    public static Reply unavailable(String status, List<String> reasons) {
        ObjectNode body = Json.object().put("status", status);
        ArrayNode reasonList = body.putArray("reasons");
        reasons.forEach(reasonList::add);
        return json(503, body);
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
