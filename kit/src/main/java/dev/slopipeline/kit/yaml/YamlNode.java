package dev.slopipeline.kit.yaml;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node that knows where it is. Type checks report a problem and return empty rather than
 * throw, so that one pass over a file finds every mistake in it.
 */
public final class YamlNode {

    private final Node node;
    private final String file;

    YamlNode(Node node, String file) {
        this.node = node;
        this.file = file;
    }

    public SourceLocation location() {
        return new SourceLocation(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    public String file() {
        return file;
    }

    public boolean isNull() {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    /** The scalar's text as written, whatever its type. */
    public Optional<String> scalarText() {
        return node instanceof ScalarNode scalar && !isNull() ? Optional.of(scalar.getValue()) : Optional.empty();
    }

    /**
     * The value of a key of this map, without reporting anything: for looking at a document's
     * {@code apiVersion} to choose who reads it, before a reader takes the whole document.
     */
    public Optional<YamlNode> field(String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return Optional.of(new YamlNode(tuple.getValueNode(), file));
                }
            }
        }
        return Optional.empty();
    }

    /** A short description for messages: {@code a list}, {@code the number 5}, {@code the string "abc"}. */
    public String describe() {
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return "nothing (null)";
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "the number " + scalar.getValue();
        }
        if (tag.equals(Tag.BOOL)) {
            return "the boolean " + scalar.getValue();
        }
        return "the string \"" + scalar.getValue() + "\"";
    }

    public Optional<YamlMap> asMap(Problems problems, String what) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new YamlMap(this, mapping, problems, what));
        }
        problems.error(location(), what + " must be a map, got " + describe());
        return Optional.empty();
    }

    public Optional<List<YamlNode>> asList(Problems problems, String what) {
        if (node instanceof SequenceNode sequence) {
            return Optional.of(sequence.getValue().stream().map(child -> new YamlNode(child, file)).toList());
        }
        problems.error(location(), what + " must be a list, got " + describe());
        return Optional.empty();
    }

    /** A string; numbers and booleans are refused so that {@code name: 123} is caught. */
    public Optional<String> asString(Problems problems, String what) {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR)) {
            return Optional.of(scalar.getValue());
        }
        problems.error(location(), what + " must be a string, got " + describe());
        return Optional.empty();
    }

    /** A string, or a number or boolean taken as its text (durations, label values, codes). */
    public Optional<String> asText(Problems problems, String what) {
        if (isScalar()) {
            return scalarText();
        }
        problems.error(location(), what + " must be a single value, got " + describe());
        return Optional.empty();
    }

    public OptionalDouble asNumber(Problems problems, String what) {
        if (node instanceof ScalarNode scalar && (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT))) {
            try {
                double value = Double.parseDouble(scalar.getValue().replace("_", ""));
                if (Double.isFinite(value)) {
                    return OptionalDouble.of(value);
                }
            } catch (NumberFormatException notDecimal) {
                // hexadecimal, octal or sexagesimal YAML numbers: refused below
            }
        }
        problems.error(location(), what + " must be a number, got " + describe());
        return OptionalDouble.empty();
    }

    public OptionalLong asInteger(Problems problems, String what) {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
            try {
                return OptionalLong.of(Long.parseLong(scalar.getValue().replace("_", "")));
            } catch (NumberFormatException notDecimal) {
                // fall through to the problem
            }
        }
        problems.error(location(), what + " must be a whole number, got " + describe());
        return OptionalLong.empty();
    }

    public Optional<Boolean> asBoolean(Problems problems, String what) {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
            return Optional.of(Boolean.parseBoolean(scalar.getValue().toLowerCase(java.util.Locale.ROOT)));
        }
        problems.error(location(), what + " must be true or false, got " + describe());
        return Optional.empty();
    }
}
