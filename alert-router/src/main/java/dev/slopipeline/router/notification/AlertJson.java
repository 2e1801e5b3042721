package dev.slopipeline.router.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One {@link LabelledAlert} as JSON, the same shape wherever the router stores or passes one (grouping snapshots,
 * {@code router.groups}, {@code router.active-alerts}):
 * <pre>
 * {"labels":{…},"annotations":{…},"startsAt":"…","endsAt":"…","updatedAt":"…"}
 * </pre>
 * Instants are ISO-8601 UTC; {@code endsAt} is absent while the alert fires. Thread-safe.
 */
public final class AlertJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private AlertJson() {
    }

    /** Writes the alert's fields into {@code node}. */
    public static ObjectNode write(LabelledAlert alert, ObjectNode node) {
        strings(node.putObject("labels"), alert.labels());
        strings(node.putObject("annotations"), alert.annotations());
        node.put("startsAt", alert.startsAt().toString());
        if (alert.endsAt() != null) {
            node.put("endsAt", alert.endsAt().toString());
        }
        node.put("updatedAt", alert.updatedAt().toString());
        return node;
    }

    /** @throws IllegalArgumentException if the node is not what {@link #write} writes */
    public static LabelledAlert read(JsonNode node) {
        return new LabelledAlert(strings(node, "labels"), strings(node, "annotations"), instant(node, "startsAt"),
                node.has("endsAt") ? instant(node, "endsAt") : null, instant(node, "updatedAt"));
    }

    public static byte[] encode(LabelledAlert alert) {
        try {
            return MAPPER.writeValueAsBytes(write(alert, MAPPER.createObjectNode()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing a JSON tree to memory cannot fail", e);
        }
    }

    /** @throws IllegalArgumentException if the bytes are not what {@link #encode} writes */
    public static LabelledAlert decode(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object holding one alert");
        }
        return read(root);
    }

    private static void strings(ObjectNode node, Map<String, String> map) {
        map.forEach(node::put);
    }

    private static SortedMap<String, String> strings(JsonNode node, String field) {
        SortedMap<String, String> map = new TreeMap<>();
        node.path(field).properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static Instant instant(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("alert: field \"" + field + "\" is missing or not a string in " + node);
        }
        try {
            return Instant.parse(value.textValue());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("alert: field \"" + field + "\" is not an ISO-8601 instant: "
                    + value.textValue(), e);
        }
    }
}
