package dev.slopipeline.definitions.yaml;

import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.TextMatcher;
import dev.slopipeline.definitions.yaml.IndicatorReader.Source;
import java.util.Map;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

/** Reads one entry of an indicator's {@code match}: the emitting service, its operation or check, and attributes. */
final class MatchReader {

    private MatchReader() {
    }

    /** @param source empty when the indicator's source is unknown: then either field is taken */
    static Optional<EventMatcher> read(YamlMap entry, Optional<Source> source, Problems problems) {
        int errorsBefore = problems.errorCount();
        Optional<String> service = entry.require("service", "name the emitting service, e.g. service: checkout-api")
                .flatMap(node -> node.asString(problems, entry.describe("service")));
        Optional<YamlNode> operation = entry.get("operation");
        Optional<YamlNode> check = entry.get("check");
        Map<String, String> attributes = entry.stringMap("attributes");
        if (source.equals(Optional.of(Source.REQUESTS)) && check.isPresent()) {
            problems.error(entry.keyLocation("check"),
                    "\"check\" is for source health; a requests indicator selects events by \"operation\"");
        }
        if (source.equals(Optional.of(Source.HEALTH)) && operation.isPresent()) {
            problems.error(entry.keyLocation("operation"),
                    "\"operation\" is for source requests; a health indicator selects probes by \"check\"");
        }
        String field = nameField(source, operation);
        Optional<TextMatcher> matcher = entry.get(field).flatMap(node -> textMatcher(node, entry.describe(field), problems));
        entry.rejectUnknownFields();
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new EventMatcher(service.orElseThrow(), matcher.orElse(null), attributes));
    }

    /** The field that names what to match: operation for request events, check for health events. */
    private static String nameField(Optional<Source> source, Optional<YamlNode> operation) {
        return source.map(s -> s == Source.HEALTH ? "check" : "operation")
                .orElse(operation.isPresent() ? "operation" : "check");
    }

    /** An exact name, or {@code {regex: ...}} matched against the whole name. */
    private static Optional<TextMatcher> textMatcher(YamlNode node, String what, Problems problems) {
        if (!node.isMap()) {
            return node.asString(problems, what).map(TextMatcher.Exact::new);
        }
        YamlMap map = node.asMap(problems, what).orElseThrow();
        Optional<YamlNode> regexNode = map.require("regex", "e.g. {regex: \"POST /charge.*\"}");
        Optional<String> regex = regexNode.flatMap(n -> n.asString(problems, map.describe("regex")));
        map.rejectUnknownFields();
        if (regex.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TextMatcher.Regex.compile(regex.get()));
        } catch (PatternSyntaxException e) {
            problems.error(regexNode.get().location(), "invalid regex \"" + regex.get() + "\": " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near character " + (e.getIndex() + 1) : ""));
            return Optional.empty();
        }
    }
}
