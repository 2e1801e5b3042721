package dev.slopipeline.router.delivery.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks documents against the JSON Schema keywords our wire schemas use ({@code $ref} into {@code $defs},
 * {@code type}, {@code enum}, {@code required}, {@code properties}, {@code additionalProperties}, {@code items},
 * {@code minimum}, {@code minItems}, {@code minLength}, {@code format: date-time}). Stricter than JSON Schema in one
 * way: a field the document has must be declared, so the schema is proven to describe everything a writer writes.
 */
final class SchemaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private SchemaCheck(JsonNode root) {
        this.root = root;
    }

    static SchemaCheck of(String resource) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema at " + resource);
            }
            return new SchemaCheck(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> violations(byte[] document) {
        List<String> found = new ArrayList<>();
        try {
            check(root, JSON.readTree(document), "$", found);
        } catch (IOException e) {
            found.add("not JSON: " + e.getMessage());
        }
        return found;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> found) {
        if (schema.has("$ref")) {
            // Our schemas put only a description beside a $ref.
            String name = schema.get("$ref").asText().substring("#/$defs/".length());
            check(root.get("$defs").get(name), value, at, found);
            return;
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            found.add(at + ": expected " + schema.get("type") + ", got " + value);
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            found.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
            found.add(at + ": " + value + " is below " + schema.get("minimum"));
        }
        if (schema.has("minLength") && value.isTextual() && value.asText().length() < schema.get("minLength").asInt()) {
            found.add(at + ": too short");
        }
        if ("date-time".equals(schema.path("format").asText()) && value.isTextual()) {
            try {
                Instant.parse(value.asText());
            } catch (DateTimeParseException e) {
                found.add(at + ": " + value + " is not a date-time");
            }
        }
        if (value.isObject()) {
            schema.path("required").forEach(name -> {
                if (!value.has(name.asText())) {
                    found.add(at + ": required field " + name + " is missing");
                }
            });
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode declared = schema.path("properties").get(field.getKey());
                JsonNode values = schema.get("additionalProperties");
                if (declared != null) {
                    check(declared, field.getValue(), at + "." + field.getKey(), found);
                } else if (values != null && values.isObject()) {
                    check(values, field.getValue(), at + "." + field.getKey(), found);
                } else {
                    found.add(at + ": field \"" + field.getKey() + "\" is not declared in the schema");
                }
            }
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                found.add(at + ": fewer than " + schema.get("minItems") + " items");
            }
            for (int i = 0; i < value.size() && schema.has("items"); i++) {
                check(schema.get("items"), value.get(i), at + "[" + i + "]", found);
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean contains(JsonNode choices, JsonNode value) {
        for (JsonNode choice : choices) {
            if (choice.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
