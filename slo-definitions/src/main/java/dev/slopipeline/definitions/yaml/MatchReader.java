package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.regex.InvalidRegexException;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.kit.yaml.Problems;

import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.TextMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an indicator's {@code match}: for each entry, the emitting service, its operation or check, and
 * attributes. Public because OpenSLO metric sources are written with the same {@code match}, and their
 * mistakes should read as ours do.
 */
public final class MatchReader {

    private MatchReader() {
    }

    /**
     * @param holder the map with the {@code match} field: our indicator, or an OpenSLO metric source spec
     * @param source empty when the indicator's source is unknown: then either field is taken
     * @return empty when the list or any entry in it is wrong, each mistake reported
     */
    public static Optional<List<EventMatcher>> read(YamlMap holder, Optional<IndicatorSource> source) {
        Problems problems = holder.problems();
        Optional<YamlNode> node = holder.require("match",
                "list the events of the journey, e.g. match: [{service: checkout-api, operation: \"POST /checkout\"}]");
        Optional<List<YamlNode>> entries = node.flatMap(n -> n.asList(problems, holder.describe("match")));
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        if (entries.get().isEmpty()) {
            problems.error(node.get().location(), "match must list at least one event selector, "
                    + "e.g. - {service: checkout-api, operation: \"POST /checkout\"}");
            return Optional.empty();
        }
        List<EventMatcher> matchers = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < entries.get().size(); i++) {
            Optional<EventMatcher> matcher = entries.get().get(i).asMap(problems, "match entry " + (i + 1))
                    .flatMap(entry -> entry(entry, source));
            matcher.ifPresent(matchers::add);
            complete &= matcher.isPresent();
        }
        return complete ? Optional.of(List.copyOf(matchers)) : Optional.empty();
    }

    private static Optional<EventMatcher> entry(YamlMap entry, Optional<IndicatorSource> source) {
        Problems problems = entry.problems();
        int errorsBefore = problems.errorCount();
        Optional<String> service = entry.require("service", "name the emitting service, e.g. service: checkout-api")
                .flatMap(node -> node.asString(problems, entry.describe("service")));
        Optional<YamlNode> operation = entry.get("operation");
        Optional<YamlNode> check = entry.get("check");
        Map<String, String> attributes = entry.stringMap("attributes");
        if (source.equals(Optional.of(IndicatorSource.REQUESTS)) && check.isPresent()) {
            problems.error(entry.keyLocation("check"),
                    "\"check\" is for source health; a requests indicator selects events by \"operation\"");
        }
        if (source.equals(Optional.of(IndicatorSource.HEALTH)) && operation.isPresent()) {
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
    private static String nameField(Optional<IndicatorSource> source, Optional<YamlNode> operation) {
        return source.map(s -> s == IndicatorSource.HEALTH ? "check" : "operation")
                .orElse(operation.isPresent() ? "operation" : "check");
    }

    /** An exact name, or {@code {regex: ...}} in RE2 syntax matched against the whole name. */
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
        } catch (InvalidRegexException e) {
            problems.error(regexNode.get().location(), e.getMessage());
            return Optional.empty();
        }
    }
}
