package dev.slopipeline.router.notification;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.kit.json.JsonBytes;
import dev.slopipeline.kit.json.JsonFields;
import dev.slopipeline.kit.result.Decoded;
import java.util.Map;

/**
 * The notification intent on {@code router.notifications}: record key = the idempotency key, value = one alert group's
 * full state for one receiver, shaped like Alertmanager's webhook message (schema:
 * {@code schema/notification-intent.schema.json}). The key is not repeated in the value, so the two cannot disagree.
 * Optional parts ({@code endsAt}, {@code generatorURL}, {@code ackURL}, {@code acknowledgement}) are left out when
 * absent; the group's status is not written, because it follows from its alerts.
 *
 * <p>Grouping and the incident processor write it, the delivery service reads it: the one wire format the rooms share,
 * so it lives with the model rather than in any of them.
 *
 * <p>Immutable and thread-safe.
 */
public final class IntentCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public byte[] encode(Notification notification) {
        ObjectNode root = NODES.objectNode();
        root.put("receiver", notification.receiver());
        root.put("groupKey", notification.groupKey());
        ArrayNode alerts = root.putArray("alerts");
        notification.alerts().forEach(alert -> alerts.add(alert(alert)));
        root.set("groupLabels", strings(notification.groupLabels()));
        root.set("commonLabels", strings(notification.commonLabels()));
        root.set("commonAnnotations", strings(notification.commonAnnotations()));
        root.put("externalURL", notification.externalUrl().toString());
        if (notification.ackUrl() != null) {
            root.put("ackURL", notification.ackUrl().toString());
        }
        if (notification.acknowledgement() != null) {
            root.putObject("acknowledgement")
                    .put("by", notification.acknowledgement().by())
                    .put("at", notification.acknowledgement().at().toString());
        }
        return JsonBytes.of(root);
    }

    /** The intent under {@code key}, or why it cannot be delivered: no key, not JSON, a field missing or mistyped. */
    public Decoded<Notification> decode(String key, byte[] value) {
        if (key == null || key.isBlank()) {
            return new Decoded.Invalid<>("the record has no key; the key is the notification's idempotency key");
        }
        try {
            JsonFields in = JsonFields.parse(value);
            return new Decoded.Ok<>(new Notification(key,
                    in.text("receiver"),
                    in.text("groupKey"),
                    in.objects("alerts", IntentCodec::alert),
                    in.strings("groupLabels"),
                    in.strings("commonLabels"),
                    in.strings("commonAnnotations"),
                    in.uri("externalURL"),
                    in.optionalUri("ackURL").orElse(null),
                    in.optionalObject("acknowledgement")
                            .map(ack -> new Acknowledgement(ack.text("by"), ack.instant("at")))
                            .orElse(null)));
        } catch (JsonFields.Refused | IllegalArgumentException e) {
            return new Decoded.Invalid<>(e.getMessage());
        }
    }

    private static ObjectNode alert(Alert alert) {
        ObjectNode node = NODES.objectNode();
        node.put("status", alert.status().wireName());
        node.set("labels", strings(alert.labels()));
        node.set("annotations", strings(alert.annotations()));
        node.put("startsAt", alert.startsAt().toString());
        if (alert.endsAt() != null) {
            node.put("endsAt", alert.endsAt().toString());
        }
        if (alert.generatorUrl() != null) {
            node.put("generatorURL", alert.generatorUrl().toString());
        }
        node.put("fingerprint", alert.fingerprint());
        return node;
    }

    private static Alert alert(JsonFields in) {
        String status = in.text("status");
        AlertState parsed = AlertState.fromWire(status);
        if (parsed == null) {
            throw in.refuse("\"status\" must be \"firing\" or \"resolved\", got \"" + status + "\"");
        }
        return new Alert(parsed,
                in.strings("labels"),
                in.strings("annotations"),
                in.instant("startsAt"),
                in.optionalInstant("endsAt").orElse(null),
                // Alertmanager writes "" for an alert without a source; read it as "none", as it means.
                in.optionalUri("generatorURL").filter(url -> !url.toString().isEmpty()).orElse(null),
                in.text("fingerprint"));
    }

    private static ObjectNode strings(Map<String, String> map) {
        ObjectNode node = NODES.objectNode();
        map.forEach(node::put);
        return node;
    }
}
