package dev.slopipeline.router.oncall.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.router.oncall.escalation.NotifyReason;
import dev.slopipeline.router.oncall.escalation.PagingMode;
import dev.slopipeline.router.oncall.escalation.TimelineEntry;
import dev.slopipeline.router.oncall.schedule.ContactType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A timeline entry as JSON: {@code at}, {@code kind}, {@code detail} (the sentence a person reads), and the entry's
 * own fields, so that page-load figures can be computed again from a stored timeline.
 * <pre>{@code
 * {"at":"2026-11-23T10:04:10Z","kind":"notified","detail":"notified alice (on call for \"payments-primary\") ...",
 *  "user":"alice","schedule":"payments-primary","level":1,"reason":"triggered","via":["email","slack"]}
 * }</pre>
 * Kinds: {@code triggered, notified, nobody_on_call, escalated, acknowledged, retriggered, resolved, comment}.
 */
final class TimelineJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TimelineJson() {
    }

    static ObjectNode write(TimelineEntry entry) {
        ObjectNode json = NODES.objectNode();
        json.put("at", entry.at().toString());
        json.put("kind", kind(entry));
        json.put("detail", entry.describe());
        if (entry instanceof TimelineEntry.Triggered triggered) {
            json.put("policy", triggered.policy()).put("mode", triggered.mode().wireName());
        } else if (entry instanceof TimelineEntry.Notified notified) {
            json.put("user", notified.user());
            notified.schedule().ifPresent(schedule -> json.put("schedule", schedule));
            json.put("level", notified.level()).put("reason", notified.reason().wireName());
            ArrayNode via = json.putArray("via");
            notified.via().forEach(type -> via.add(type.wireName()));
        } else if (entry instanceof TimelineEntry.NobodyOnCall nobody) {
            json.put("level", nobody.level()).put("schedule", nobody.schedule());
        } else if (entry instanceof TimelineEntry.Escalated escalated) {
            json.put("fromLevel", escalated.fromLevel()).put("toLevel", escalated.toLevel()).put("round", escalated.round());
            escalated.dueAt().ifPresent(due -> json.put("dueAt", due.toString()));
        } else if (entry instanceof TimelineEntry.Acknowledged acknowledged) {
            json.put("by", acknowledged.by());
            acknowledged.token().ifPresent(token -> json.put("token", token));
        } else if (entry instanceof TimelineEntry.Retriggered retriggered) {
            json.put("ackedBy", retriggered.ackedBy()).put("ackedAt", retriggered.ackedAt().toString())
                    .put("dueAt", retriggered.dueAt().toString());
        } else if (entry instanceof TimelineEntry.Resolved resolved) {
            resolved.by().ifPresent(by -> json.put("by", by));
            resolved.token().ifPresent(token -> json.put("token", token));
        } else if (entry instanceof TimelineEntry.Comment comment) {
            json.put("by", comment.by()).put("text", comment.text());
        }
        return json;
    }

    /** @throws IllegalArgumentException when a field is missing or of the wrong type */
    static TimelineEntry read(String incident, JsonNode json) {
        Instant at = instant(json, "at");
        String kind = text(json, "kind");
        return switch (kind) {
            case "triggered" -> new TimelineEntry.Triggered(incident, at, text(json, "policy"),
                    PagingMode.fromWireName(text(json, "mode")));
            case "notified" -> new TimelineEntry.Notified(incident, at, text(json, "user"), optionalText(json, "schedule"),
                    json.path("level").asInt(), reason(text(json, "reason")), via(json.path("via")));
            case "nobody_on_call" -> new TimelineEntry.NobodyOnCall(incident, at, json.path("level").asInt(),
                    text(json, "schedule"));
            case "escalated" -> new TimelineEntry.Escalated(incident, at, json.path("fromLevel").asInt(),
                    json.path("toLevel").asInt(), json.path("round").asInt(), optionalText(json, "dueAt").map(Instant::parse));
            case "acknowledged" -> new TimelineEntry.Acknowledged(incident, at, text(json, "by"),
                    optionalText(json, "token"));
            case "retriggered" -> new TimelineEntry.Retriggered(incident, at, text(json, "ackedBy"),
                    instant(json, "ackedAt"), instant(json, "dueAt"));
            case "resolved" -> new TimelineEntry.Resolved(incident, at, optionalText(json, "by"),
                    optionalText(json, "token"));
            case "comment" -> new TimelineEntry.Comment(incident, at, text(json, "by"), text(json, "text"));
            default -> throw new IllegalArgumentException("unknown timeline entry kind \"" + kind + "\"");
        };
    }

    static String kind(TimelineEntry entry) {
        if (entry instanceof TimelineEntry.NobodyOnCall) {
            return "nobody_on_call";
        }
        return entry.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static NotifyReason reason(String text) {
        return NotifyReason.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static List<ContactType> via(JsonNode json) {
        List<ContactType> types = new ArrayList<>();
        json.forEach(node -> types.add(ContactType.fromWireName(node.asText())
                .orElseThrow(() -> new IllegalArgumentException("unknown contact type \"" + node.asText() + "\""))));
        return types;
    }

    static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not a string");
        }
        return value.asText();
    }

    static Optional<String> optionalText(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    static Instant instant(JsonNode json, String field) {
        return Instant.parse(text(json, field));
    }
}
