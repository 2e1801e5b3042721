package dev.slopipeline.router.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.slopipeline.kit.http.Json;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.regex.InvalidRegexException;
import dev.slopipeline.router.routing.matcher.MatchType;
import dev.slopipeline.router.routing.matcher.Matcher;
import dev.slopipeline.router.routing.matcher.MatcherParser;
import dev.slopipeline.router.routing.matcher.Matchers;
import dev.slopipeline.router.routing.silence.Silence;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The shapes of Alertmanager's API v2 (its OpenAPI spec, {@code api/v2/openapi.yaml}) that the router reads and
 * writes: times, matchers, label sets, silences, and errors, which are a bare JSON string there.
 */
final class AlertmanagerJson {

    /**
     * Go's zero time, which Go clients send for a time they leave unset ({@code amtool alert add} without
     * {@code --end}, say), and which the router shows for a firing alert whose end nobody knows.
     */
    static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    /** As Alertmanager writes times: RFC 3339 in UTC, with milliseconds. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private AlertmanagerJson() {
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** A time field; empty when absent, null or Go's zero time, which all mean "not set". */
    static Optional<Instant> time(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field \"" + field + "\": expected an RFC 3339 time, got " + value);
        }
        try {
            Instant instant = OffsetDateTime.parse(value.textValue()).toInstant();
            return instant.equals(GO_ZERO_TIME) ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field \"" + field + "\": expected an RFC 3339 time like "
                    + "\"2026-11-23T10:00:00.000Z\", got \"" + value.textValue() + "\"", e);
        }
    }

    /** A label set ({@code labels}, {@code annotations}): an object of strings; empty when absent. */
    static Map<String, String> labelSet(JsonNode node, String field) {
        JsonNode value = node.get(field);
        Map<String, String> labels = new TreeMap<>();
        if (value == null || value.isNull()) {
            return labels;
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException("field \"" + field + "\": expected an object of strings, got " + value);
        }
        value.properties().forEach(entry -> {
            if (!entry.getValue().isTextual()) {
                throw new IllegalArgumentException("field \"" + field + "\": \"" + entry.getKey()
                        + "\" is not a string but " + entry.getValue());
            }
            labels.put(entry.getKey(), entry.getValue().textValue());
        });
        return labels;
    }

    static ObjectNode labelSet(Map<String, String> labels) {
        ObjectNode node = Json.object();
        labels.forEach(node::put);
        return node;
    }

    /** {@code [{"name","value","isRegex","isEqual"}]}; {@code isEqual} is true when absent, as the spec says. */
    static Matchers matchers(JsonNode node) {
        JsonNode items = node.get("matchers");
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("field \"matchers\": expected an array of {\"name\", \"value\", "
                    + "\"isRegex\", \"isEqual\"}");
        }
        List<Matcher> matchers = new ArrayList<>();
        for (JsonNode item : items) {
            String name = text(item, "name");
            String value = text(item, "value");
            boolean regex = flag(item, "isRegex", null);
            boolean equal = flag(item, "isEqual", true);
            MatchType type = regex ? (equal ? MatchType.REGEX : MatchType.NOT_REGEX)
                    : (equal ? MatchType.EQUAL : MatchType.NOT_EQUAL);
            try {
                matchers.add(Matcher.of(type, name, value));
            } catch (InvalidRegexException e) {
                throw new IllegalArgumentException("matcher on \"" + name + "\": " + e.getMessage(), e);
            }
        }
        return Matchers.of(matchers);
    }

    static ArrayNode matchers(Matchers matchers) {
        ArrayNode items = Json.object().arrayNode();
        for (Matcher matcher : matchers.all()) {
            items.addObject().put("name", matcher.name()).put("value", matcher.value())
                    .put("isRegex", matcher.type().isRegex())
                    .put("isEqual", matcher.type() == MatchType.EQUAL || matcher.type() == MatchType.REGEX);
        }
        return items;
    }

    /**
     * The {@code filter} query parameters: matchers as amtool and the UI send them ({@code alertname="Disk"}, one per
     * parameter, braces optional).
     *
     * @throws IllegalArgumentException naming the filter that is not a matcher
     */
    static Matchers filter(List<String> filters) {
        List<Matcher> matchers = new ArrayList<>();
        for (String filter : filters) {
            try {
                matchers.addAll(MatcherParser.parse(filter).matchers());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("filter \"" + filter + "\" is not a matcher: " + e.getMessage(), e);
            }
        }
        return Matchers.of(matchers);
    }

    /** A {@code gettableSilence}. */
    static ObjectNode silence(Silence silence, Instant now) {
        ObjectNode node = Json.object().put("id", silence.id().toString());
        node.putObject("status").put("state", silence.state(now).name().toLowerCase(Locale.ROOT));
        node.put("updatedAt", time(silence.updatedAt()));
        node.set("matchers", matchers(silence.matchers()));
        return node.put("startsAt", time(silence.startsAt()))
                .put("endsAt", time(silence.endsAt()))
                .put("createdBy", silence.createdBy())
                .put("comment", silence.comment());
    }

    /** Alertmanager's errors: the message as a JSON string. */
    static Reply error(int status, String message) {
        return Reply.json(status, TextNode.valueOf(message));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field \"" + field + "\": missing or not a string");
        }
        return value.textValue();
    }

    private static boolean flag(JsonNode node, String field, Boolean absent) {
        JsonNode value = node.get(field);
        if ((value == null || value.isNull()) && absent != null) {
            return absent;
        }
        if (value == null || !value.isBoolean()) {
            throw new IllegalArgumentException("field \"" + field + "\": missing or not true or false");
        }
        return value.booleanValue();
    }
}
