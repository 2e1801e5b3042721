package dev.slopipeline.router.delivery.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.router.notification.Alert;
import dev.slopipeline.router.notification.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds the Alertmanager webhook message, version "4" (see the package documentation for the field list). */
final class WebhookPayload {

    static final String VERSION = "4";
    /** Go's zero time, which Alertmanager sends as endsAt while an alert fires; receivers test for it. */
    static final String UNSET_TIME = "0001-01-01T00:00:00Z";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WebhookPayload() {
    }

    static ObjectNode of(Notification notification, int maxAlerts) {
        List<Alert> alerts = notification.alerts();
        int truncated = 0;
        if (maxAlerts > 0 && alerts.size() > maxAlerts) {
            truncated = alerts.size() - maxAlerts;
            alerts = alerts.subList(0, maxAlerts);
        }
        ObjectNode message = NODES.objectNode();
        message.put("version", VERSION);
        message.put("groupKey", notification.groupKey());
        message.put("truncatedAlerts", truncated);
        message.put("status", notification.status().wireName());
        message.put("receiver", notification.receiver());
        message.set("groupLabels", map(notification.groupLabels()));
        message.set("commonLabels", map(notification.commonLabels()));
        message.set("commonAnnotations", map(notification.commonAnnotations()));
        message.put("externalURL", notification.externalUrl().toString());
        ArrayNode array = message.putArray("alerts");
        alerts.forEach(alert -> array.add(alert(alert)));
        return message;
    }

    private static ObjectNode alert(Alert alert) {
        ObjectNode node = NODES.objectNode();
        node.put("status", alert.status().wireName());
        node.set("labels", map(alert.labels()));
        node.set("annotations", map(alert.annotations()));
        node.put("startsAt", time(alert.startsAt()));
        node.put("endsAt", time(alert.endsAt()));
        node.put("generatorURL", alert.generatorUrl() == null ? "" : alert.generatorUrl().toString());
        node.put("fingerprint", alert.fingerprint());
        return node;
    }

    private static ObjectNode map(Map<String, String> map) {
        ObjectNode node = NODES.objectNode();
        map.forEach(node::put);
        return node;
    }

    private static String time(Instant instant) {
        return instant == null ? UNSET_TIME : instant.toString();
    }
}
