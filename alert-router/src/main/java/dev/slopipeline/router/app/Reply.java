package dev.slopipeline.router.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** An HTTP response: status, content type, body and any extra headers. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json";

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, JsonNode body) {
        return new Reply(status, JSON, Json.bytes(body), Map.of());
    }

    /** {@code {"error": message, "status": status}}, so every failure reads the same way. */
    static Reply error(int status, String message) {
        return json(status, Json.object().put("error", message).put("status", status));
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more);
    }
}
