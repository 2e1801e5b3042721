package dev.slopipeline.router.oncall.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.kit.result.Decoded;
import java.io.IOException;
import java.time.format.DateTimeParseException;

/**
 * The records of {@code router.incident-commands}: key = the incident's SLO, value
 * {@code {"v":1,"action":"acknowledge"|"resolve","incident":"<id>","slo":"<slo>","by":"alice","comment":"...","at":"<ISO-8601>",
 * "token":"ci-bot"}} ({@code comment} and {@code token}, the name of the API token that sent it, optional).
 */
public final class IncidentCommandCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int VERSION = 1;

    public byte[] encode(IncidentCommand command) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("v", VERSION);
        json.put("action", command.action().wireName());
        json.put("incident", command.incident());
        json.put("slo", command.slo());
        json.put("by", command.by());
        command.comment().ifPresent(comment -> json.put("comment", comment));
        json.put("at", command.at().toString());
        command.token().ifPresent(token -> json.put("token", token));
        return IncidentJson.bytes(json);
    }

    public Decoded<IncidentCommand> decode(byte[] value) {
        if (value == null) {
            return new Decoded.Invalid<>("the record has no value; expected an incident command");
        }
        try {
            JsonNode json = MAPPER.readTree(value);
            if (json == null || !json.isObject()) {
                return new Decoded.Invalid<>("an incident command is a JSON object");
            }
            if (json.path("v").asInt(-1) != VERSION) {
                return new Decoded.Invalid<>("incident command version " + json.path("v") + " is not " + VERSION);
            }
            String action = TimelineJson.text(json, "action");
            return IncidentCommand.Action.fromWireName(action)
                    .<Decoded<IncidentCommand>>map(known -> new Decoded.Ok<>(new IncidentCommand(known,
                            TimelineJson.text(json, "incident"), TimelineJson.text(json, "slo"),
                            TimelineJson.text(json, "by"), TimelineJson.optionalText(json, "comment"),
                            TimelineJson.instant(json, "at"), TimelineJson.optionalText(json, "token"))))
                    .orElseGet(() -> new Decoded.Invalid<>("unknown action \"" + action
                            + "\" (expected acknowledge or resolve)"));
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            return new Decoded.Invalid<>("not an incident command: " + e.getMessage());
        }
    }
}
