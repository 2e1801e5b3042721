package dev.slopipeline.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A JSON value being decoded strictly, with its path from the root for messages. Each accessor refuses
 * a missing or mistyped value by throwing {@link Refused} with a one-line reason such as
 * {@code field "alerts[0].startsAt": expected an ISO-8601 date-time like "2026-11-23T10:04:00Z", got number 5}.
 * JSON null counts as absent; unknown fields are ignored, so writers may add fields.
 */
public record JsonFields(JsonNode node, String path) {

    /** Refuses a document that names a field twice. */
    public static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** The root of a document. */
    public static JsonFields root(JsonNode node) {
        return new JsonFields(node, "");
    }

    /** A record value as an object, or the reason it is not one. */
    public static JsonFields parse(byte[] utf8) {
        if (utf8 == null) {
            throw new Refused("the record has no value");
        }
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(utf8)) {
            root = MAPPER.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw new Refused("trailing content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new Refused("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Refused("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Refused("expected a JSON object, got " + (root == null ? "nothing" : describe(root)));
        }
        return root(root);
    }

    public String text(String name) {
        return optionalText(name).orElseThrow(() -> missing(name));
    }

    public Optional<String> optionalText(String name) {
        return field(name).map(value -> new JsonFields(value, child(name)).textValue());
    }

    /** This value as a string. */
    public String textValue() {
        if (!node.isTextual()) {
            throw wrongType(path, "a string", node);
        }
        return node.textValue();
    }

    public double number(String name) {
        JsonNode value = field(name).orElseThrow(() -> missing(name));
        if (!value.isNumber()) {
            throw wrongType(child(name), "a number", value);
        }
        return value.doubleValue();
    }

    /** An integer, written with or without a fraction of zero ({@code 3} or {@code 3.0}). */
    public long wholeNumber(String name) {
        JsonNode value = field(name).orElseThrow(() -> missing(name));
        boolean whole = value.isIntegralNumber()
                ? value.canConvertToLong()
                : value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue())
                        && Math.abs(value.doubleValue()) < 0x1p63;
        if (!whole) {
            throw wrongType(child(name), "an integer", value);
        }
        return value.longValue();
    }

    public int count(String name) {
        return optionalCount(name).orElseThrow(() -> missing(name));
    }

    /** A whole number from 0 up. */
    public Optional<Integer> optionalCount(String name) {
        return field(name).map(value -> {
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
                throw wrongType(child(name), "a whole number from 0 up", value);
            }
            return value.intValue();
        });
    }

    public long millis(String name) {
        return field(name).map(value -> {
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                throw wrongType(child(name), "a whole number of milliseconds from 0 up", value);
            }
            return value.longValue();
        }).orElseThrow(() -> missing(name));
    }

    /**
     * A string that {@code parse} turns into a value; {@code parse} answers null or throws
     * {@link IllegalArgumentException} for a string it refuses, which is then refused in the same words
     * as a value of the wrong type: {@code expected <expected>, got ...}.
     */
    public <T> T parsed(String name, Function<String, T> parse, String expected) {
        JsonNode value = field(name).orElseThrow(() -> missing(name));
        if (value.isTextual()) {
            try {
                T parsed = parse.apply(value.textValue());
                if (parsed != null) {
                    return parsed;
                }
            } catch (IllegalArgumentException e) {
                // refused below, in the same words as a value of the wrong type
            }
        }
        throw wrongType(child(name), expected, value);
    }

    /** One of the strings {@code fromWire} knows (it answers null for the others), listed in {@code choices}. */
    public <E> E oneOf(String name, Function<String, E> fromWire, String choices) {
        return parsed(name, fromWire, "one of " + choices);
    }

    public Instant instant(String name) {
        return optionalInstant(name).orElseThrow(() -> missing(name));
    }

    public Optional<Instant> optionalInstant(String name) {
        return field(name).map(value -> {
            if (value.isTextual()) {
                try {
                    return Instant.parse(value.textValue());
                } catch (DateTimeParseException e) {
                    // refused below, in the same words as a value of the wrong type
                }
            }
            throw wrongType(child(name), "an ISO-8601 date-time like \"2026-11-23T10:04:00Z\"", value);
        });
    }

    public URI uri(String name) {
        return optionalUri(name).orElseThrow(() -> missing(name));
    }

    public Optional<URI> optionalUri(String name) {
        return optionalText(name).map(text -> {
            try {
                return new URI(text);
            } catch (URISyntaxException e) {
                throw new Refused("field \"" + child(name) + "\": not a URL: " + e.getMessage());
            }
        });
    }

    /** An object of strings. */
    public Map<String, String> strings(String name) {
        JsonFields object = object(name);
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.node.properties()) {
            map.put(entry.getKey(), new JsonFields(entry.getValue(), object.child(entry.getKey())).textValue());
        }
        return map;
    }

    public JsonFields object(String name) {
        return optionalObject(name).orElseThrow(() -> missing(name));
    }

    public Optional<JsonFields> optionalObject(String name) {
        return field(name).map(value -> new JsonFields(value, child(name)).objectValue());
    }

    /** This value as an object. */
    public JsonFields objectValue() {
        if (!node.isObject()) {
            throw wrongType(path, "an object", node);
        }
        return this;
    }

    /** An array, each item read by {@code item}; items are at {@code name[0]}, {@code name[1]} ... */
    public <T> List<T> list(String name, Function<JsonFields, T> item) {
        JsonNode value = field(name).orElseThrow(() -> missing(name));
        if (!value.isArray()) {
            throw wrongType(child(name), "an array", value);
        }
        List<T> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            items.add(item.apply(new JsonFields(value.get(i), child(name) + "[" + i + "]")));
        }
        return items;
    }

    /** An array of objects, each read by {@code item}. */
    public <T> List<T> objects(String name, Function<JsonFields, T> item) {
        return list(name, each -> item.apply(each.objectValue()));
    }

    /** A reason about this object as a whole, e.g. a combination of fields the model refuses. */
    public Refused refuse(String reason) {
        return new Refused((path.isEmpty() ? "" : "\"" + path + "\": ") + reason);
    }

    /** A value as a reason shows it: {@code string "x"}, {@code number 5}, {@code an object}, {@code true}. */
    public static String describe(JsonNode value) {
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

    private Optional<JsonNode> field(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /** Path of a child: {@code windows.long}, {@code context[0]}. */
    private String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private Refused missing(String name) {
        return new Refused("field \"" + child(name) + "\" is required");
    }

    private static Refused wrongType(String at, String expected, JsonNode value) {
        return new Refused("field \"" + at + "\": expected " + expected + ", got " + describe(value));
    }

    /** A refused document; no stack trace, as the reason says everything. */
    public static final class Refused extends RuntimeException {

        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
