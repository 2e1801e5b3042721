package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;

import dev.slopipeline.definitions.model.AlertingSpec;
import dev.slopipeline.definitions.model.PairOverride;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads an SLO's {@code alerting}: the low-traffic guard and the alert pairs it overrides, switches off or adds. */
final class AlertingReader {

    private AlertingReader() {
    }

    /** @param fields receives where each pair and its windows were written, for the checks against the SLO window */
    static Optional<AlertingSpec> read(YamlMap alerting, Problems problems, Map<String, SourceLocation> fields) {
        int errorsBefore = problems.errorCount();
        OptionalLong minEvents = minEvents(alerting, problems);
        Map<String, PairOverride> pairs = new LinkedHashMap<>();
        alerting.get("pairs").flatMap(node -> node.asMap(problems, "pairs")).ifPresent(map -> {
            for (String name : map.fieldNames()) {
                SourceLocation keyAt = map.keyLocation(name);
                fields.put(FieldPaths.pair(name), keyAt);
                Optional<YamlNode> value = map.get(name);
                if (value.isEmpty() || !value.get().isMap()) {
                    problems.error(keyAt, "pair \"" + name + "\" must be a map of fields, e.g. " + name
                            + ": {longWindow: 2h, shortWindow: 10m} or " + name + ": {enabled: false}, got "
                            + value.map(YamlNode::describe).orElse("nothing"));
                    continue;
                }
                value.get().asMap(problems, "pair \"" + name + "\"")
                        .flatMap(pair -> PairReader.read(name, pair, keyAt, problems, fields))
                        .ifPresent(override -> pairs.put(name, override));
            }
        });
        alerting.rejectUnknownFields();
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new AlertingSpec(minEvents.orElse(AlertingSpec.DEFAULT_MIN_EVENTS), pairs));
    }

    private static OptionalLong minEvents(YamlMap alerting, Problems problems) {
        Optional<YamlNode> node = alerting.get("minEvents");
        OptionalLong minEvents = node.map(n -> n.asInteger(problems, alerting.describe("minEvents"))).orElse(OptionalLong.empty());
        if (minEvents.isPresent() && minEvents.getAsLong() < 0) {
            problems.error(node.get().location(), "minEvents must be 0 or more (events the long window must hold "
                    + "before a pair may fire), got " + minEvents.getAsLong());
            return OptionalLong.empty();
        }
        return minEvents;
    }
}
