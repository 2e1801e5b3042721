package dev.slopipeline.router.delivery.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.router.notification.Alert;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.notification.SloFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Slack incoming-webhook message an on-call engineer can act on from a phone lock screen: what users cannot do,
 * how fast the budget burns, how much is left, and the runbook and acknowledge links.
 *
 * <p>Shape: top-level {@code text} (the plain line Slack shows in notifications) and one attachment whose
 * {@code color} bar says the state (red firing, amber acknowledged, green resolved) and whose {@code blocks} hold
 * the details in mrkdwn.
 */
final class SlackMessage {

    static final String RED = "#D72B3F";
    static final String AMBER = "#ECB22E";
    static final String GREEN = "#2EB67D";
    /** Slack caps a message at 50 blocks; listing a few alerts is enough to see the shape of a group. */
    private static final int DEFAULT_ALERT_LINES = 10;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SlackMessage() {
    }

    static ObjectNode of(Notification notification, int maxAlerts) {
        return of(notification, maxAlerts, Optional.empty());
    }

    /** @param channel where to post instead of the webhook's own channel (legacy webhooks honour it) */
    static ObjectNode of(Notification notification, int maxAlerts, Optional<String> channel) {
        SloFacts facts = SloFacts.of(notification);
        ObjectNode message = NODES.objectNode();
        channel.filter(name -> !name.isBlank()).ifPresent(name -> message.put("channel", name));
        message.put("text", state(notification) + ": " + facts.headline());
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("color", color(notification));
        ArrayNode blocks = attachment.putArray("blocks");

        blocks.add(section("*" + escape(state(notification) + ": " + facts.headline()) + "*\n" + escape(where(facts))));
        List<String> fields = new ArrayList<>();
        facts.burnRateText().ifPresent(b -> fields.add("*Burn rate*\n" + escape(b) + " the sustainable rate"));
        facts.budgetRemainingText().ifPresent(b -> fields.add("*Error budget left*\n" + escape(b)));
        if (!fields.isEmpty()) {
            ObjectNode section = blocks.addObject().put("type", "section");
            ArrayNode array = section.putArray("fields");
            fields.forEach(f -> array.add(mrkdwn(f)));
        }
        if (notification.alerts().size() > 1) {
            blocks.add(section(alertLines(notification, maxAlerts)));
        }
        String links = links(notification, facts);
        if (!links.isEmpty()) {
            blocks.add(section(links));
        }
        blocks.addObject().put("type", "context").putArray("elements").add(mrkdwn(escape(
                notification.firingCount() + " firing, " + notification.resolvedCount() + " resolved · group "
                        + notification.groupKey())));
        return message;
    }

    private static String state(Notification notification) {
        if (notification.status() == AlertState.RESOLVED) {
            return "RESOLVED";
        }
        return notification.acknowledged() ? "ACKNOWLEDGED by " + notification.acknowledgement().by() : "FIRING";
    }

    private static String color(Notification notification) {
        if (notification.status() == AlertState.RESOLVED) {
            return GREEN;
        }
        return notification.acknowledged() ? AMBER : RED;
    }

    private static String where(SloFacts facts) {
        StringBuilder text = new StringBuilder();
        facts.journey().ifPresent(j -> text.append("Journey ").append(j));
        facts.service().ifPresent(s -> text.append(text.length() == 0 ? "Service " : " of ").append(s));
        facts.slo().ifPresent(s -> text.append(text.length() == 0 ? "" : " · ").append("SLO ").append(s));
        facts.severity().ifPresent(s -> text.append(text.length() == 0 ? "" : " · ").append(s));
        return text.toString();
    }

    private static String alertLines(Notification notification, int maxAlerts) {
        int shown = maxAlerts > 0 ? maxAlerts : DEFAULT_ALERT_LINES;
        List<Alert> alerts = notification.alerts();
        StringBuilder text = new StringBuilder();
        for (Alert alert : alerts.subList(0, Math.min(shown, alerts.size()))) {
            SloFacts facts = SloFacts.of(alert);
            text.append("• ").append(alert.status() == AlertState.FIRING ? "firing" : "resolved").append(": ")
                    .append(facts.slo().or(facts::alertName).orElse(alert.fingerprint()));
            facts.burnRateText().ifPresent(b -> text.append(", burn ").append(b));
            text.append('\n');
        }
        if (alerts.size() > shown) {
            text.append("… and ").append(alerts.size() - shown).append(" more");
        }
        return escape(text.toString().strip());
    }

    private static String links(Notification notification, SloFacts facts) {
        List<String> links = new ArrayList<>();
        facts.runbookUrl().ifPresent(url -> links.add(link(url, "Runbook")));
        if (notification.ackUrl() != null && notification.status() == AlertState.FIRING
                && !notification.acknowledged()) {
            links.add(link(notification.ackUrl().toString(), "Acknowledge"));
        }
        links.add(link(notification.externalUrl().toString(), "Alert router"));
        return String.join(" · ", links);
    }

    /** A Slack link; a bar or angle bracket inside the URL would end it early, so those are percent-encoded. */
    private static String link(String url, String label) {
        String safe = url.replace("|", "%7C").replace("<", "%3C").replace(">", "%3E");
        return "<" + safe + "|" + label + ">";
    }

    private static ObjectNode section(String mrkdwn) {
        ObjectNode section = NODES.objectNode().put("type", "section");
        section.set("text", mrkdwn(mrkdwn));
        return section;
    }

    private static ObjectNode mrkdwn(String text) {
        return NODES.objectNode().put("type", "mrkdwn").put("text", text);
    }

    /** Slack reads &amp;, &lt; and &gt; as control characters in mrkdwn; label values are user text. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
