package dev.slopipeline.router.routing.group;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.router.notification.AlertJson;
import dev.slopipeline.router.notification.Fingerprint;
import dev.slopipeline.router.notification.LabelledAlert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link GroupingState} as JSON, for the state store it lives in:
 * <pre>
 * {"version":1,
 *  "alerts":[{"labels":{…},"annotations":{…},"startsAt":"…","endsAt":"…","updatedAt":"…"}],   (see AlertJson)
 *  "groups":[{"key":"…","routeId":"…","labels":{…},"nextFlushAt":"…","hasFlushed":true,"alerts":["<fingerprint>"]}],
 *  "log":[{"groupKey":"…","receiver":"…","firing":["<fingerprint>"],"resolved":[],"timestamp":"…","sequence":3}]}
 * </pre>
 * Instants are ISO-8601 UTC, fingerprints 16 hex digits; {@code endsAt} is absent while an alert fires. An alert's
 * fingerprint is not stored: it follows from its labels. Thread-safe.
 */
public final class GroupingStateCodec {

    private static final int VERSION = 1;

    private final JsonMapper mapper = JsonMapper.builder().build();

    public byte[] encode(GroupingState state) {
        ObjectNode root = mapper.createObjectNode();
        root.put("version", VERSION);
        ArrayNode alerts = root.putArray("alerts");
        for (LabelledAlert alert : state.alerts()) {
            AlertJson.write(alert, alerts.addObject());
        }
        ArrayNode groups = root.putArray("groups");
        for (AggregationGroup group : state.groups()) {
            ObjectNode item = groups.addObject();
            item.put("key", group.key());
            item.put("routeId", group.routeId());
            strings(item.putObject("labels"), group.labels());
            item.put("nextFlushAt", group.nextFlushAt().toString());
            item.put("hasFlushed", group.hasFlushed());
            fingerprints(item.putArray("alerts"), group.alerts());
        }
        ArrayNode log = root.putArray("log");
        for (LogEntry entry : state.log()) {
            ObjectNode item = log.addObject();
            item.put("groupKey", entry.groupKey());
            item.put("receiver", entry.receiver());
            fingerprints(item.putArray("firing"), entry.firing());
            fingerprints(item.putArray("resolved"), entry.resolved());
            item.put("timestamp", entry.timestamp().toString());
            item.put("sequence", entry.sequence());
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing a JSON tree to memory cannot fail", e);
        }
    }

    /**
     * @throws IllegalArgumentException if the bytes are not what {@link #encode} writes
     */
    public GroupingState decode(byte[] json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("grouping snapshot is not JSON: " + e.getMessage(), e);
        }
        if (root == null || root.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException("grouping snapshot has no \"version\":" + VERSION);
        }
        List<LabelledAlert> alerts = new ArrayList<>();
        for (JsonNode item : root.path("alerts")) {
            alerts.add(AlertJson.read(item));
        }
        List<AggregationGroup> groups = new ArrayList<>();
        for (JsonNode item : root.path("groups")) {
            groups.add(new AggregationGroup(text(item, "key"), text(item, "routeId"), strings(item, "labels"),
                    instant(item, "nextFlushAt"), item.path("hasFlushed").asBoolean(), fingerprints(item, "alerts")));
        }
        List<LogEntry> log = new ArrayList<>();
        for (JsonNode item : root.path("log")) {
            log.add(new LogEntry(text(item, "groupKey"), text(item, "receiver"), fingerprints(item, "firing"),
                    fingerprints(item, "resolved"), instant(item, "timestamp"), item.path("sequence").asLong()));
        }
        return new GroupingState(alerts, groups, log);
    }

    private static void strings(ObjectNode node, Map<String, String> map) {
        map.forEach(node::put);
    }

    private static void fingerprints(ArrayNode node, Collection<Fingerprint> fingerprints) {
        fingerprints.forEach(f -> node.add(f.toString()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("grouping snapshot: field \"" + field + "\" is missing or not a string in "
                    + node);
        }
        return value.textValue();
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(text(node, field));
    }

    private static SortedMap<String, String> strings(JsonNode node, String field) {
        SortedMap<String, String> map = new TreeMap<>();
        node.path(field).properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static SortedSet<Fingerprint> fingerprints(JsonNode node, String field) {
        SortedSet<Fingerprint> set = new TreeSet<>();
        node.path(field).forEach(f -> set.add(Fingerprint.parse(f.asText())));
        return set;
    }
}
