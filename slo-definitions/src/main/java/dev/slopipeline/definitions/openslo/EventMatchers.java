package dev.slopipeline.definitions.openslo;

import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.TextMatcher;
import dev.slopipeline.definitions.yaml.Problems;
import dev.slopipeline.definitions.yaml.YamlMap;
import dev.slopipeline.definitions.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The {@code match} list of a metric source spec, written as in our own language's indicators. */
final class EventMatchers {

    private EventMatchers() {
    }

    /**
     * @param nameField {@code operation} for request events, {@code check} for health events
     * @return empty when the list or any entry in it is wrong, each mistake reported
     */
    static Optional<List<EventMatcher>> read(YamlMap spec, String nameField) {
        Problems problems = spec.problems();
        Optional<List<YamlNode>> entries = spec.require("match").flatMap(node -> node.asList(problems, spec.describe("match")));
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        if (entries.get().isEmpty()) {
            problems.error(spec.get("match").orElseThrow().location(), spec.describe("match") + " is empty: list the events "
                    + "of the journey, e.g. [{service: checkout-api, " + nameField + ": \"POST /checkout\"}]");
            return Optional.empty();
        }
        List<EventMatcher> matchers = new ArrayList<>();
        boolean complete = true;
        for (YamlNode entry : entries.get()) {
            Optional<EventMatcher> matcher = entry.asMap(problems, "an entry of " + spec.describe("match"))
                    .flatMap(map -> matcher(map, nameField));
            matcher.ifPresent(matchers::add);
            complete &= matcher.isPresent();
        }
        return complete ? Optional.of(List.copyOf(matchers)) : Optional.empty();
    }

    private static Optional<EventMatcher> matcher(YamlMap entry, String nameField) {
        int errorsBefore = entry.problems().errorCount();
        Optional<String> service = entry.requireString("service");
        Optional<TextMatcher> name = entry.get(nameField).flatMap(node -> textMatcher(node, entry.describe(nameField), entry.problems()));
        Map<String, String> attributes = entry.stringMap("attributes");
        entry.rejectUnknownFields();
        if (entry.problems().errorCount() > errorsBefore || service.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EventMatcher(service.get(), name.orElse(null), attributes));
    }

    private static Optional<TextMatcher> textMatcher(YamlNode node, String what, Problems problems) {
        if (!node.isMap()) {
            return node.asString(problems, what).map(TextMatcher.Exact::new);
        }
        YamlMap regex = node.asMap(problems, what).orElseThrow();
        Optional<YamlNode> expression = regex.require("regex");
        regex.rejectUnknownFields();
        return expression.flatMap(value -> value.asString(problems, regex.describe("regex"))).flatMap(text -> {
            try {
                return Optional.of(new TextMatcher.Regex(Pattern.compile(text)));
            } catch (PatternSyntaxException e) {
                problems.error(expression.get().location(), "regex \"" + text + "\" is invalid: " + e.getDescription());
                return Optional.empty();
            }
        });
    }
}
