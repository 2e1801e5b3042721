package dev.slopipeline.router.delivery.pagerduty;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.router.notification.Alert;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.notification.SloFacts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A PagerDuty Events API v2 event. A firing group triggers, an acknowledged one acknowledges and a resolved one
 * resolves; all three carry the same {@code dedup_key}, so they act on one PagerDuty alert. Acknowledge and resolve
 * carry no {@code payload}: PagerDuty ignores it for them.
 */
final class PagerDutyEvent {

    static final String CLIENT = "slo-pipeline";
    /** PagerDuty truncates longer summaries itself; cutting first keeps the end of our text from being lost blindly. */
    private static final int MAX_SUMMARY = 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PagerDutyEvent() {
    }

    static ObjectNode of(Notification notification, String routingKey) {
        return of(notification, routingKey, Optional.empty());
    }

    /** @param severity the receiver's own severity, which wins over the alert's when it is one of PagerDuty's four */
    static ObjectNode of(Notification notification, String routingKey, Optional<String> severity) {
        ObjectNode event = NODES.objectNode();
        event.put("routing_key", routingKey);
        event.put("event_action", action(notification));
        event.put("dedup_key", dedupKey(notification.groupKey()));
        if (!action(notification).equals("trigger")) {
            return event;
        }
        SloFacts facts = SloFacts.of(notification);
        ObjectNode payload = event.putObject("payload");
        payload.put("summary", summary(notification, facts));
        payload.put("source", facts.service().orElse(CLIENT));
        payload.put("severity", PagerDutySeverity.override(severity).orElseGet(() -> PagerDutySeverity.of(facts.severity())));
        payload.put("timestamp", earliestStart(notification).toString());
        facts.journey().ifPresent(j -> payload.put("component", j));
        facts.service().ifPresent(s -> payload.put("group", s));
        facts.slo().or(facts::alertName).ifPresent(c -> payload.put("class", c));
        payload.set("custom_details", details(notification, facts));

        ArrayNode links = event.putArray("links");
        facts.runbookUrl().ifPresent(url -> links.addObject().put("href", url).put("text", "Runbook"));
        if (notification.ackUrl() != null) {
            links.addObject().put("href", notification.ackUrl().toString()).put("text", "Acknowledge in slo-pipeline");
        }
        event.put("client", CLIENT);
        event.put("client_url", notification.externalUrl().toString());
        return event;
    }

    static String action(Notification notification) {
        if (notification.status() == AlertState.RESOLVED) {
            return "resolve";
        }
        return notification.acknowledged() ? "acknowledge" : "trigger";
    }

    /**
     * Hashing the group key gives a key that is stable for the group's whole life, within PagerDuty's 255-character
     * limit whatever the group labels, and free of label values.
     */
    static String dedupKey(String groupKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(groupKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }

    private static String summary(Notification notification, SloFacts facts) {
        StringBuilder text = new StringBuilder("[FIRING:").append(notification.firingCount()).append("] ")
                .append(facts.headline());
        facts.journey().ifPresent(j -> text.append(" (journey ").append(j).append(')'));
        facts.burnRateText().ifPresent(b -> text.append(", burn rate ").append(b));
        facts.budgetRemainingText().ifPresent(b -> text.append(", ").append(b).append(" of budget left"));
        return text.length() > MAX_SUMMARY ? text.substring(0, MAX_SUMMARY - 1) + "…" : text.toString();
    }

    private static Instant earliestStart(Notification notification) {
        return notification.alerts().stream().map(Alert::startsAt).min(Instant::compareTo).orElseThrow();
    }

    private static ObjectNode details(Notification notification, SloFacts facts) {
        ObjectNode details = NODES.objectNode();
        facts.journey().ifPresent(v -> details.put("journey", v));
        facts.slo().ifPresent(v -> details.put("slo", v));
        facts.burnRate().ifPresent(v -> details.put("burn_rate", v));
        facts.budgetRemaining().ifPresent(v -> details.put("budget_remaining", v));
        details.put("firing", notification.firingCount());
        details.put("resolved", notification.resolvedCount());
        ObjectNode groupLabels = details.putObject("group_labels");
        notification.groupLabels().forEach(groupLabels::put);
        return details;
    }
}
