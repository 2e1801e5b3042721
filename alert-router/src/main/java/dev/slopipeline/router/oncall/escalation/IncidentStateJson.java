package dev.slopipeline.router.oncall.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.router.oncall.escalation.IncidentState.Acknowledged;
import dev.slopipeline.router.oncall.escalation.IncidentState.Escalating;
import dev.slopipeline.router.oncall.escalation.IncidentState.Phase;
import dev.slopipeline.router.oncall.escalation.IncidentState.Resolved;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stored form of {@link IncidentState}: compact JSON, readable in a console consumer, with a
 * version so that a later form can still read states stored by this one. Absent timers are left out.
 * <pre>{@code
 * {"v":1,"incident":"checkout/page","policy":"payments","mode":"escalate","openedAt":"2026-11-23T10:04:00Z",
 *  "paged":{"alice":1,"bob":2},
 *  "phase":{"type":"escalating","level":2,"round":1,"escalateAt":"2026-11-23T10:34:00Z"}}
 * }</pre>
 */
public final class IncidentStateJson {

    private static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IncidentStateJson() {
    }

    public static byte[] write(IncidentState state) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("v", VERSION);
        json.put("incident", state.incident());
        json.put("policy", state.policy());
        json.put("mode", state.mode().wireName());
        json.put("openedAt", state.openedAt().toString());
        ObjectNode paged = json.putObject("paged");
        state.paged().forEach(paged::put);
        json.set("phase", phase(state.phase()));
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write incident state " + state.incident(), e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not a stored incident state */
    public static IncidentState read(byte[] bytes) {
        try {
            JsonNode json = MAPPER.readTree(bytes);
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            int version = json.path("v").asInt(-1);
            if (version != VERSION) {
                throw new IllegalArgumentException("version " + json.path("v") + " is not " + VERSION);
            }
            Map<String, Integer> paged = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : json.path("paged").properties()) {
                paged.put(field.getKey(), field.getValue().asInt());
            }
            return new IncidentState(text(json, "incident"), text(json, "policy"), PagingMode.fromWireName(text(json, "mode")),
                    instant(json, "openedAt"), paged, phase(json.path("phase")));
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("stored incident state is not valid: "
                    + new String(bytes, StandardCharsets.UTF_8) + " (" + e.getMessage() + ")", e);
        }
    }

    private static ObjectNode phase(Phase phase) {
        ObjectNode json = MAPPER.createObjectNode();
        if (phase instanceof Escalating escalating) {
            json.put("type", "escalating");
            json.put("level", escalating.level());
            json.put("round", escalating.round());
            escalating.escalateAt().ifPresent(at -> json.put("escalateAt", at.toString()));
            escalating.remindAt().ifPresent(at -> json.put("remindAt", at.toString()));
        } else if (phase instanceof Acknowledged acknowledged) {
            json.put("type", "acknowledged");
            json.put("by", acknowledged.by());
            json.put("at", acknowledged.at().toString());
            acknowledged.timeoutAt().ifPresent(at -> json.put("timeoutAt", at.toString()));
        } else {
            Resolved resolved = (Resolved) phase;
            json.put("type", "resolved");
            json.put("at", resolved.at().toString());
            resolved.by().ifPresent(by -> json.put("by", by));
        }
        return json;
    }

    private static Phase phase(JsonNode json) {
        String type = text(json, "type");
        return switch (type) {
            case "escalating" -> new Escalating(json.path("level").asInt(), json.path("round").asInt(),
                    optionalInstant(json, "escalateAt"), optionalInstant(json, "remindAt"));
            case "acknowledged" -> new Acknowledged(text(json, "by"), instant(json, "at"), optionalInstant(json, "timeoutAt"));
            case "resolved" -> new Resolved(instant(json, "at"), Optional.ofNullable(json.get("by")).map(JsonNode::asText));
            default -> throw new IllegalArgumentException("unknown phase \"" + type + "\"");
        };
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not a string");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode json, String field) {
        return Instant.parse(text(json, field));
    }

    private static Optional<Instant> optionalInstant(JsonNode json, String field) {
        return json.has(field) ? Optional.of(instant(json, field)) : Optional.empty();
    }
}
