package dev.slopipeline.router.delivery.service;

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
 * A JSON object being decoded, with its path from the root for messages. Each accessor refuses a missing or
 * mistyped value by throwing {@link Refused} with a one-line reason such as
 * {@code field "alerts[0].startsAt": expected an ISO-8601 date-time like "2026-11-23T10:04:00Z", got number 5}.
 * JSON null counts as absent; unknown fields are ignored, so writers may add fields.
 */
record JsonFields(JsonNode node, String path) {

    static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** The record value as an object, or the reason it is not one. */
    static JsonFields parse(byte[] utf8) {
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
        return new JsonFields(root, "");
    }

    String text(String name) {
        return optionalText(name).orElseThrow(() -> missing(name));
    }

    Optional<String> optionalText(String name) {
        return field(name).map(value -> {
            if (!value.isTextual()) {
                throw wrongType(child(name), "a string", value);
            }
            return value.textValue();
        });
    }

    int count(String name) {
        return optionalCount(name).orElseThrow(() -> missing(name));
    }

    /** A whole number from 0 up. */
    Optional<Integer> optionalCount(String name) {
        return field(name).map(value -> {
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
                throw wrongType(child(name), "a whole number from 0 up", value);
            }
            return value.intValue();
        });
    }

    long millis(String name) {
        return field(name).map(value -> {
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                throw wrongType(child(name), "a whole number of milliseconds from 0 up", value);
            }
            return value.longValue();
        }).orElseThrow(() -> missing(name));
    }

    Instant instant(String name) {
        return optionalInstant(name).orElseThrow(() -> missing(name));
    }

    Optional<Instant> optionalInstant(String name) {
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

    URI uri(String name) {
        return optionalUri(name).orElseThrow(() -> missing(name));
    }

    Optional<URI> optionalUri(String name) {
        return optionalText(name).map(text -> {
            try {
                return new URI(text);
            } catch (URISyntaxException e) {
                throw new Refused("field \"" + child(name) + "\": not a URL: " + e.getMessage());
            }
        });
    }

    Map<String, String> strings(String name) {
        JsonFields object = object(name);
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.node.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isTextual()) {
                throw wrongType(object.child(entry.getKey()), "a string", value);
            }
            map.put(entry.getKey(), value.textValue());
        }
        return map;
    }

    JsonFields object(String name) {
        return optionalObject(name).orElseThrow(() -> missing(name));
    }

    Optional<JsonFields> optionalObject(String name) {
        return field(name).map(value -> {
            if (!value.isObject()) {
                throw wrongType(child(name), "an object", value);
            }
            return new JsonFields(value, child(name));
        });
    }

    <T> List<T> objects(String name, Function<JsonFields, T> item) {
        JsonNode value = field(name).orElseThrow(() -> missing(name));
        if (!value.isArray()) {
            throw wrongType(child(name), "an array", value);
        }
        List<T> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            String at = child(name) + "[" + i + "]";
            if (!value.get(i).isObject()) {
                throw wrongType(at, "an object", value.get(i));
            }
            items.add(item.apply(new JsonFields(value.get(i), at)));
        }
        return items;
    }

    /** A reason about this object as a whole, e.g. a combination of fields the model refuses. */
    Refused refuse(String reason) {
        return new Refused((path.isEmpty() ? "" : "\"" + path + "\": ") + reason);
    }

    private Optional<JsonNode> field(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private Refused missing(String name) {
        return new Refused("field \"" + child(name) + "\" is required");
    }

    private static Refused wrongType(String at, String expected, JsonNode value) {
        return new Refused("field \"" + at + "\": expected " + expected + ", got " + describe(value));
    }

    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "string " + value;
        }
        if (value.isNumber()) {
            return "number " + value.asText();
        }
        if (value.isObject()) {
            return "an object";
        }
        return value.isArray() ? "an array" : value.asText();
    }

    /** A refused document; no stack trace, as the reason says everything. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
