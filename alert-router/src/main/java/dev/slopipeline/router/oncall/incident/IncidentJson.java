package dev.slopipeline.router.oncall.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.router.oncall.escalation.IncidentState;
import dev.slopipeline.router.oncall.escalation.IncidentStateJson;
import dev.slopipeline.router.oncall.escalation.TimelineEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An incident as JSON: the value of the compacted {@code router.incidents} topic (key: the incident id), of the
 * incident store, and, without its internal parts, of the incident API.
 * <pre>{@code
 * {"id":"checkout-availability-20261123-100410","slo":"checkout-availability","severity":"page",
 *  "state":"acknowledged","summary":"checkout (storefront): ...","service":"storefront","team":"payments",
 *  "triggeredAt":"2026-11-23T10:04:10Z","acknowledgedAt":"2026-11-23T10:09:00Z","acknowledgedBy":"alice",
 *  "resolvedAt":null,"resolvedBy":null,"level":1,"policy":"payments","notified":["alice"],
 *  "timeline":[{"at":"...","kind":"triggered","detail":"..."}, ...],
 *  "receiver":"payments-pager","labels":{...},"escalation":{...}}
 * }</pre>
 * {@code team}, {@code acknowledged*} and {@code resolved*} are null when they do not apply; {@code resolvedBy} is
 * also null when the SLO recovered by itself (the timeline says so). {@code receiver}, {@code labels} and
 * {@code escalation} (see {@link IncidentStateJson}) are what the router needs to carry on; the API leaves them out.
 */
public final class IncidentJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IncidentJson() {
    }

    /** The stored form, everything included. */
    public static byte[] write(Incident incident) {
        ObjectNode json = summary(incident);
        json.set("timeline", timeline(incident.timeline()));
        json.put("receiver", incident.receiver());
        ObjectNode labels = json.putObject("labels");
        incident.labels().forEach(labels::put);
        try {
            json.set("escalation", MAPPER.readTree(IncidentStateJson.write(incident.escalation())));
            return MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write incident " + incident.id(), e);
        }
    }

    /** The API's list item: what a person wants to see of an incident at a glance. */
    public static ObjectNode summary(Incident incident) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", incident.id());
        json.put("slo", incident.slo());
        json.put("severity", incident.severity());
        json.put("state", incident.state().wireName());
        json.put("summary", incident.summary());
        json.put("service", incident.service());
        json.put("team", incident.team().orElse(null));
        json.put("triggeredAt", incident.triggeredAt().toString());
        var acknowledgement = incident.acknowledgement();
        json.put("acknowledgedAt", acknowledgement.map(ack -> ack.at().toString()).orElse(null));
        json.put("acknowledgedBy", acknowledgement.map(TimelineEntry.Acknowledged::by).orElse(null));
        var resolution = incident.resolution();
        json.put("resolvedAt", resolution.map(resolved -> resolved.at().toString()).orElse(null));
        json.put("resolvedBy", resolution.flatMap(IncidentState.Resolved::by).orElse(null));
        json.put("level", incident.level());
        json.put("policy", incident.policy());
        ArrayNode notified = json.putArray("notified");
        incident.notified().forEach(notified::add);
        return json;
    }

    /** The API's single incident: the summary and the timeline. */
    public static ObjectNode detail(Incident incident) {
        ObjectNode json = summary(incident);
        json.set("timeline", timeline(incident.timeline()));
        return json;
    }

    /** @throws IllegalArgumentException when the bytes are not a stored incident */
    public static Incident read(byte[] bytes) {
        try {
            JsonNode json = MAPPER.readTree(bytes);
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            String id = TimelineJson.text(json, "id");
            List<TimelineEntry> timeline = new ArrayList<>();
            for (JsonNode entry : json.path("timeline")) {
                timeline.add(TimelineJson.read(id, entry));
            }
            List<String> notified = new ArrayList<>();
            json.path("notified").forEach(user -> notified.add(user.asText()));
            Map<String, String> labels = new LinkedHashMap<>();
            json.path("labels").properties().forEach(label -> labels.put(label.getKey(), label.getValue().asText()));
            IncidentState escalation = IncidentStateJson.read(MAPPER.writeValueAsBytes(json.path("escalation")));
            return new Incident(id, TimelineJson.text(json, "slo"), TimelineJson.text(json, "severity"),
                    TimelineJson.text(json, "service"), TimelineJson.optionalText(json, "team"),
                    TimelineJson.text(json, "summary"), labels, TimelineJson.text(json, "receiver"), escalation,
                    json.path("level").asInt(1), notified, timeline);
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a stored incident: " + e.getMessage() + " in "
                    + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }

    /** Whether the bytes are a stored incident this version can read. */
    public static boolean readable(byte[] bytes) {
        try {
            read(bytes);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ArrayNode timeline(List<TimelineEntry> entries) {
        ArrayNode timeline = MAPPER.createArrayNode();
        entries.forEach(entry -> timeline.add(TimelineJson.write(entry)));
        return timeline;
    }

    static byte[] bytes(JsonNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built in memory could not be written", e);
        }
    }
}
