package dev.slopipeline.kit.yaml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML mapping read field by field. Every field asked for is remembered, so that
 * {@link #rejectUnknownFields()} can point at typos with a suggestion.
 */
public final class YamlMap {

    private final YamlNode self;
    private final String what;
    private final Problems problems;
    private final Map<String, YamlNode> values = new LinkedHashMap<>();
    private final Map<String, YamlNode> keys = new LinkedHashMap<>();
    private final Set<String> known = new HashSet<>();

    YamlMap(YamlNode self, MappingNode mapping, Problems problems, String what) {
        this.self = self;
        this.what = what;
        this.problems = problems;
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = new YamlNode(tuple.getKeyNode(), self.file());
            if (!(tuple.getKeyNode() instanceof ScalarNode scalarKey)) {
                problems.error(key.location(), "keys in " + what + " must be plain names, got " + key.describe());
                continue;
            }
            String name = scalarKey.getValue();
            if (values.containsKey(name)) {
                problems.error(key.location(), "duplicate field \"" + name + "\" in " + what
                        + " (first at line " + keys.get(name).location().line() + ")");
                continue;
            }
            keys.put(name, key);
            values.put(name, new YamlNode(tuple.getValueNode(), self.file()));
        }
    }

    public SourceLocation location() {
        return self.location();
    }

    public String what() {
        return what;
    }

    public Problems problems() {
        return problems;
    }

    public boolean has(String field) {
        known.add(field);
        YamlNode value = values.get(field);
        return value != null && !value.isNull();
    }

    /** The field's value; a field written with no value ({@code field:}) counts as absent. */
    public Optional<YamlNode> get(String field) {
        known.add(field);
        YamlNode value = values.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /** The field's value, or a problem at the map saying it is missing. */
    public Optional<YamlNode> require(String field) {
        Optional<YamlNode> value = get(field);
        if (value.isEmpty()) {
            problems.error(location(), what + " is missing the required field \"" + field + "\"");
        }
        return value;
    }

    /** As {@link #require(String)}, with a hint that says what to write. */
    public Optional<YamlNode> require(String field, String hint) {
        Optional<YamlNode> value = get(field);
        if (value.isEmpty()) {
            problems.error(location(), what + " is missing the required field \"" + field + "\"; " + hint);
        }
        return value;
    }

    public SourceLocation keyLocation(String field) {
        YamlNode key = keys.get(field);
        return key == null ? location() : key.location();
    }

    public Optional<String> string(String field) {
        return get(field).flatMap(node -> node.asString(problems, describe(field)));
    }

    public Optional<String> requireString(String field) {
        return require(field).flatMap(node -> node.asString(problems, describe(field)));
    }

    /** A map of names to single values, as labels and attributes are written. */
    public Map<String, String> stringMap(String field) {
        Map<String, String> result = new LinkedHashMap<>();
        get(field).flatMap(node -> node.asMap(problems, describe(field))).ifPresent(map -> {
            for (String name : map.fieldNames()) {
                map.get(name).flatMap(value -> value.asText(problems, "\"" + name + "\" in " + describe(field)))
                        .ifPresent(value -> result.put(name, value));
            }
        });
        return result;
    }

    public String describe(String field) {
        return "\"" + field + "\" in " + what;
    }

    public List<String> fieldNames() {
        known.addAll(values.keySet());
        return new ArrayList<>(values.keySet());
    }

    /** Reports every field that was never asked for, with the nearest known name as a suggestion. */
    public void rejectUnknownFields() {
        for (Map.Entry<String, YamlNode> key : keys.entrySet()) {
            String name = key.getKey();
            if (known.contains(name)) {
                continue;
            }
            String suggestion = Suggestions.closest(name, known)
                    .map(s -> "; did you mean \"" + s + "\"?")
                    .orElse("; known fields: " + String.join(", ", known.stream().sorted().toList()));
            problems.error(key.getValue().location(), "unknown field \"" + name + "\" in " + what + suggestion);
        }
    }
}
