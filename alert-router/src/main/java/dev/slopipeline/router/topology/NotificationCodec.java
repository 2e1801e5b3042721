package dev.slopipeline.router.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.definitions.event.Decoded;
import dev.slopipeline.router.delivery.Acknowledgement;
import dev.slopipeline.router.delivery.Alert;
import dev.slopipeline.router.delivery.AlertStatus;
import dev.slopipeline.router.delivery.Notification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The notification intent on {@code router.notifications}, as the router writes it. Record key: the idempotency key
 * (UTF-8); value: one group's full state for one receiver, shaped like Alertmanager's webhook message:
 * <pre>
 * {"receiver":"pager","groupKey":"{}/{severity=\"page\"}/0:{slo=\"checkout\"}",
 *  "alerts":[{"status":"firing","labels":{…},"annotations":{…},"startsAt":"…","fingerprint":"0123456789abcdef"}],
 *  "groupLabels":{…},"commonLabels":{…},"commonAnnotations":{…},"externalURL":"https://router.example"}
 * </pre>
 * Optional fields ({@code endsAt}, {@code generatorURL}, {@code ackURL}, {@code acknowledgement} {by, at}) are left
 * out when absent; the group's status is not written because it follows from its alerts; the key is not repeated in
 * the value so the two cannot disagree.
 *
 * <p><b>To be unified at merge</b> with the dispatcher's reader of the same topic ({@code dispatch.IntentCodec} on
 * the dispatch branch), which reads this same shape: one of the two should remain, in a package both can use.
 * Immutable and thread-safe.
 */
public final class NotificationCodec {

    private final JsonMapper mapper = JsonMapper.builder().build();

    public byte[] encode(Notification notification) {
        ObjectNode root = mapper.createObjectNode();
        root.put("receiver", notification.receiver());
        root.put("groupKey", notification.groupKey());
        notification.alerts().forEach(alert -> writeAlert(root.withArray("alerts").addObject(), alert));
        strings(root.putObject("groupLabels"), notification.groupLabels());
        strings(root.putObject("commonLabels"), notification.commonLabels());
        strings(root.putObject("commonAnnotations"), notification.commonAnnotations());
        root.put("externalURL", notification.externalUrl().toString());
        if (notification.ackUrl() != null) {
            root.put("ackURL", notification.ackUrl().toString());
        }
        if (notification.acknowledgement() != null) {
            root.putObject("acknowledgement")
                    .put("by", notification.acknowledgement().by())
                    .put("at", notification.acknowledgement().at().toString());
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing a JSON tree to memory cannot fail", e);
        }
    }

    /** The notification under {@code key}, or why the record is not one. */
    public Decoded<Notification> decode(String key, byte[] value) {
        try {
            JsonNode root = mapper.readTree(value);
            if (root == null || !root.isObject()) {
                return new Decoded.Invalid<>("a notification must be a JSON object");
            }
            List<Alert> alerts = new ArrayList<>();
            for (JsonNode alert : root.path("alerts")) {
                alerts.add(readAlert(alert));
            }
            JsonNode ack = root.get("acknowledgement");
            return new Decoded.Ok<>(new Notification(key, text(root, "receiver"), text(root, "groupKey"), alerts,
                    strings(root, "groupLabels"), strings(root, "commonLabels"), strings(root, "commonAnnotations"),
                    URI.create(text(root, "externalURL")),
                    root.has("ackURL") ? URI.create(text(root, "ackURL")) : null,
                    ack == null ? null : new Acknowledgement(text(ack, "by"), Instant.parse(text(ack, "at")))));
        } catch (IOException | RuntimeException e) {
            return new Decoded.Invalid<>("not a notification: " + e.getMessage());
        }
    }

    private static void writeAlert(ObjectNode node, Alert alert) {
        node.put("status", alert.status().wireName());
        strings(node.putObject("labels"), alert.labels());
        strings(node.putObject("annotations"), alert.annotations());
        node.put("startsAt", alert.startsAt().toString());
        if (alert.endsAt() != null) {
            node.put("endsAt", alert.endsAt().toString());
        }
        if (alert.generatorUrl() != null) {
            node.put("generatorURL", alert.generatorUrl().toString());
        }
        node.put("fingerprint", alert.fingerprint());
    }

    private static Alert readAlert(JsonNode node) {
        String status = text(node, "status");
        return new Alert(AlertStatus.valueOf(status.toUpperCase(Locale.ROOT)), strings(node, "labels"),
                strings(node, "annotations"), Instant.parse(text(node, "startsAt")),
                node.has("endsAt") ? Instant.parse(text(node, "endsAt")) : null,
                node.has("generatorURL") ? URI.create(text(node, "generatorURL")) : null,
                text(node, "fingerprint"));
    }

    private static void strings(ObjectNode node, Map<String, String> map) {
        map.forEach(node::put);
    }

    private static Map<String, String> strings(JsonNode node, String field) {
        Map<String, String> map = new TreeMap<>();
        node.path(field).properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field \"" + field + "\" is missing or not a string");
        }
        return value.textValue();
    }
}
