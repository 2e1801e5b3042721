package dev.slopipeline.definitions.openslo;

import dev.slopipeline.kit.yaml.Located;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An OpenSLO {@code metadata} section. {@code displayName} is accepted and ignored: our model has no place for it,
 * and refusing it would refuse most real OpenSLO files. {@code annotations} are kept for the few that speak to
 * slo-pipeline (see {@link AnnotatedGrouping}); the others are ignored.
 *
 * @param name absent only where the name is optional (inline SLIs) or was reported as missing
 * @param labels the labels that could be read
 * @param labelKeys every label key written, so that a label already reported as unreadable is not also called missing
 * @param annotations the annotations whose values are single values, with where they were written
 */
record Metadata(Optional<String> name, SourceLocation nameLocation, Map<String, Label> labels, Set<String> labelKeys,
                Map<String, Located<String>> annotations) {

    /** Our names become Kafka keys, label values and URL parts, so they are stricter than OpenSLO's. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

    /** An OpenSLO label value: a string or a list of strings. */
    record Label(List<String> values, SourceLocation location) {
        /** The value as our string labels hold it; a list becomes its items joined by commas. */
        String joined() {
            return String.join(",", values);
        }
    }

    static Metadata read(YamlMap metadata, boolean nameRequired) {
        Problems problems = metadata.problems();
        Optional<String> name = nameRequired ? metadata.requireString("name") : metadata.string("name");
        SourceLocation nameLocation = metadata.get("name").map(YamlNode::location).orElse(metadata.location());
        metadata.string("displayName");
        Map<String, Located<String>> annotations = new LinkedHashMap<>();
        metadata.get("annotations").flatMap(node -> node.asMap(problems, metadata.describe("annotations"))).ifPresent(map -> {
            for (String key : map.fieldNames()) {
                map.get(key).filter(YamlNode::isScalar).flatMap(YamlNode::scalarText)
                        .ifPresent(value -> annotations.put(key, new Located<>(value, map.get(key).orElseThrow().location())));
            }
        });
        Map<String, Label> labels = new LinkedHashMap<>();
        Set<String> labelKeys = new LinkedHashSet<>();
        metadata.get("labels").flatMap(node -> node.asMap(problems, metadata.describe("labels"))).ifPresent(map -> {
            labelKeys.addAll(map.fieldNames());
            for (String key : map.fieldNames()) {
                map.get(key).flatMap(value -> label(value, "label \"" + key + "\" in " + metadata.what(), problems))
                        .ifPresent(label -> labels.put(key, label));
            }
        });
        metadata.rejectUnknownFields();
        return new Metadata(name, nameLocation, Collections.unmodifiableMap(labels), Collections.unmodifiableSet(labelKeys),
                Collections.unmodifiableMap(annotations));
    }

    private static Optional<Label> label(YamlNode value, String what, Problems problems) {
        if (value.isScalar()) {
            return value.asText(problems, what).map(text -> new Label(List.of(text), value.location()));
        }
        if (!value.isList()) {
            problems.error(value.location(), what + " must be a string or a list of strings, got " + value.describe());
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (YamlNode item : value.asList(problems, what).orElseThrow()) {
            item.asText(problems, "an item of " + what).ifPresent(values::add);
        }
        return Optional.of(new Label(List.copyOf(values), value.location()));
    }

    /** Checks a Service or SLO name against our naming rule. */
    static void checkName(String kind, String name, SourceLocation where, Problems problems) {
        if (!DNS_LABEL.matcher(name).matches()) {
            problems.error(where, kind + " name \"" + name + "\" must be 1 to 63 lowercase letters, digits and \"-\", "
                + "starting with a letter and not ending with \"-\" (slo-pipeline uses it as a Kafka key and in URLs)");
        }
    }
}
