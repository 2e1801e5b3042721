package dev.slopipeline.definitions.alert;

import dev.slopipeline.definitions.model.Severity;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slopipeline.definitions.event.Decoded;
import dev.slopipeline.definitions.event.HealthStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * JSON codec for {@link Alert}: the fixed field order of the contract, compact (one line per
 * alert), and a decoder that reads back exactly what the encoder wrote.
 *
 * <p>Decoding goes through Jackson's tree: alerts are few, and the tree keeps the checks readable.
 * A refused document gets a reason in the same style as the event codec's, e.g.
 * {@code field "windows.long": expected a duration like "5m", "1h" or "30d", got string "1.5h"}.
 * Unknown fields are ignored at every level; a repeated field is refused.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AlertCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** One alert as a compact JSON object in UTF-8. */
    public byte[] encode(Alert alert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", alert.id());
            g.writeStringField("slo", alert.slo());
            g.writeStringField("service", alert.service());
            if (alert.journey() != null) {
                g.writeStringField("journey", alert.journey());
            }
            g.writeStringField("severity", alert.severity().wireName());
            g.writeStringField("state", alert.state().wireName());
            g.writeStringField("at", alert.at().toString());
            g.writeStringField("startedAt", alert.startedAt().toString());
            g.writeObjectFieldStart("windows");
            g.writeStringField("long", WireDurations.format(alert.windows().longWindow()));
            g.writeStringField("short", WireDurations.format(alert.windows().shortWindow()));
            g.writeEndObject();
            g.writeObjectFieldStart("burnRate");
            g.writeNumberField("long", alert.burnRate().longWindow());
            g.writeNumberField("short", alert.burnRate().shortWindow());
            g.writeEndObject();
            g.writeNumberField("threshold", alert.threshold());
            g.writeArrayFieldStart("pairs");
            for (String pair : alert.pairs()) {
                g.writeString(pair);
            }
            g.writeEndArray();
            g.writeNumberField("budgetRemaining", alert.budgetRemaining());
            if (alert.exhaustionAt() != null) {
                g.writeStringField("exhaustionAt", alert.exhaustionAt().toString());
            }
            writeStrings(g, "labels", alert.labels());
            writeStrings(g, "annotations", alert.annotations());
            g.writeArrayFieldStart("contributors");
            for (Alert.Contributor contributor : alert.contributors()) {
                g.writeStartObject();
                g.writeStringField("service", contributor.service());
                g.writeStringField("operation", contributor.operation());
                g.writeNumberField("bad", contributor.bad());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("context");
            for (Alert.Context check : alert.context()) {
                g.writeStartObject();
                g.writeStringField("service", check.service());
                g.writeStringField("check", check.check());
                g.writeStringField("status", check.status().wireName());
                if (check.target() != null) {
                    g.writeStringField("target", check.target());
                }
                if (check.at() != null) {
                    g.writeStringField("at", check.at().toString());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads one alert. What {@link #encode} wrote comes back equal; a document with a missing
     * required field, a value of the wrong type, or one the {@link Alert} constructor refuses gets
     * the reason instead.
     */
    public Decoded<Alert> decode(byte[] utf8) {
        JsonNode root;
        try (JsonParser parser = mapper.createParser(utf8)) {
            root = mapper.readTree(parser);
            if (root != null && hasMore(parser)) {
                return new Decoded.Invalid<>("trailing content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
            return new Decoded.Invalid<>("not JSON: " + e.getOriginalMessage() + where);
        } catch (IOException e) {
            return new Decoded.Invalid<>("not JSON: " + e.getMessage());
        }
        if (root == null) {
            return new Decoded.Invalid<>("not JSON: empty record");
        }
        if (!root.isObject()) {
            return new Decoded.Invalid<>("expected a JSON object, got " + describe(root));
        }
        try {
            return new Decoded.Ok<>(read(new Fields(root, "")));
        } catch (Refused | IllegalArgumentException e) {
            return new Decoded.Invalid<>(e.getMessage());
        }
    }

    private static Alert read(Fields in) {
        Fields windows = in.object("windows");
        Fields burnRate = in.object("burnRate");
        return new Alert(
                in.text("id"),
                in.text("slo"),
                in.text("service"),
                in.optionalText("journey"),
                in.oneOf("severity", Severity::fromWire, "\"page\", \"ticket\", \"notify\""),
                in.oneOf("state", AlertState::fromWire, "\"firing\", \"resolved\""),
                in.instant("at"),
                in.instant("startedAt"),
                new Alert.Windows(windows.duration("long"), windows.duration("short")),
                new Alert.BurnRate(burnRate.number("long"), burnRate.number("short")),
                in.number("threshold"),
                in.list("pairs", Fields::textValue),
                in.number("budgetRemaining"),
                in.optionalInstant("exhaustionAt"),
                in.strings("labels"),
                in.strings("annotations"),
                in.list("contributors", item -> {
                    Fields contributor = item.objectValue();
                    return new Alert.Contributor(
                            contributor.text("service"),
                            contributor.text("operation"),
                            contributor.wholeNumber("bad"));
                }),
                in.list("context", item -> {
                    Fields check = item.objectValue();
                    return new Alert.Context(
                            check.text("service"),
                            check.text("check"),
                            check.oneOf("status", HealthStatus::fromWire, "\"pass\", \"warn\", \"fail\""),
                            check.optionalText("target"),
                            check.optionalInstant("at"));
                }));
    }

    /** Whether anything but whitespace follows the document; garbage counts as something. */
    private static boolean hasMore(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (IOException e) {
            return true;
        }
    }

    private static void writeStrings(JsonGenerator g, String field, Map<String, String> map) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> entry : map.entrySet()) {
            g.writeStringField(entry.getKey(), entry.getValue());
        }
        g.writeEndObject();
    }

    /** A refused document; no stack trace, as the reason says everything. */
    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A JSON node and its path from the root, with typed accessors that refuse with a reason. */
    private record Fields(JsonNode node, String path) {

        /** Path of a child: {@code windows.long}, {@code context[0]}. */
        private String child(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        /** The named child; JSON null counts as absent. */
        private JsonNode field(String name) {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : value;
        }

        private JsonNode required(String name) {
            JsonNode value = field(name);
            if (value == null) {
                throw new Refused("field \"" + child(name) + "\" is required");
            }
            return value;
        }

        String text(String name) {
            return new Fields(required(name), child(name)).textValue();
        }

        String optionalText(String name) {
            JsonNode value = field(name);
            return value == null ? null : new Fields(value, child(name)).textValue();
        }

        String textValue() {
            if (!node.isTextual()) {
                throw wrongType(path, "a string", node);
            }
            return node.textValue();
        }

        Fields object(String name) {
            return new Fields(required(name), child(name)).objectValue();
        }

        Fields objectValue() {
            if (!node.isObject()) {
                throw wrongType(path, "an object", node);
            }
            return this;
        }

        double number(String name) {
            JsonNode value = required(name);
            if (!value.isNumber()) {
                throw wrongType(child(name), "a number", value);
            }
            return value.doubleValue();
        }

        long wholeNumber(String name) {
            JsonNode value = required(name);
            boolean whole = value.isIntegralNumber()
                    ? value.canConvertToLong()
                    : value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue())
                            && Math.abs(value.doubleValue()) < 0x1p63;
            if (!whole) {
                throw wrongType(child(name), "an integer", value);
            }
            return value.longValue();
        }

        <E> E oneOf(String name, Function<String, E> fromWire, String choices) {
            JsonNode value = required(name);
            E parsed = value.isTextual() ? fromWire.apply(value.textValue()) : null;
            if (parsed == null) {
                throw wrongType(child(name), "one of " + choices, value);
            }
            return parsed;
        }

        Instant instant(String name) {
            return instantValue(child(name), required(name));
        }

        Instant optionalInstant(String name) {
            JsonNode value = field(name);
            return value == null ? null : instantValue(child(name), value);
        }

        private static Instant instantValue(String at, JsonNode value) {
            if (value.isTextual()) {
                try {
                    return Instant.parse(value.textValue());
                } catch (DateTimeParseException e) {
                    // refused below, with the same words as a value of the wrong type
                }
            }
            throw wrongType(at, "an ISO-8601 date-time like \"2026-11-23T10:04:00Z\"", value);
        }

        Duration duration(String name) {
            JsonNode value = required(name);
            if (value.isTextual()) {
                try {
                    return WireDurations.parse(value.textValue());
                } catch (IllegalArgumentException e) {
                    // refused below, with the same words as a value of the wrong type
                }
            }
            throw wrongType(child(name), "a duration like \"5m\", \"1h\" or \"30d\"", value);
        }

        Map<String, String> strings(String name) {
            Fields object = object(name);
            Map<String, String> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : object.node.properties()) {
                map.put(entry.getKey(), new Fields(entry.getValue(), object.child(entry.getKey())).textValue());
            }
            return map;
        }

        <T> List<T> list(String name, Function<Fields, T> item) {
            JsonNode value = required(name);
            if (!value.isArray()) {
                throw wrongType(child(name), "an array", value);
            }
            List<T> items = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                items.add(item.apply(new Fields(value.get(i), child(name) + "[" + i + "]")));
            }
            return items;
        }

        private static Refused wrongType(String at, String expected, JsonNode value) {
            return new Refused("field \"" + at + "\": expected " + expected + ", got " + describe(value));
        }
    }

    /** A value as a reason shows it, in the event codec's words. */
    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "string " + value; // the node's JSON text: quoted and escaped
        }
        if (value.isNumber()) {
            return "number " + value.asText();
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        return value.asText(); // true, false, null
    }
}
