package dev.slopipeline.router.routing.matcher;

import dev.slopipeline.kit.yaml.Located;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;
import dev.slopipeline.kit.yaml.YamlFields;
import dev.slopipeline.kit.yaml.YamlMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the three ways a config states label conditions and combines them, as Alertmanager does:
 * the deprecated {@code match} (equality) and {@code match_re} (regex) maps, and the
 * {@code matchers} list of matcher strings.
 */
public final class MatcherReader {

    /** A classic Prometheus label name, as {@code match} and {@code match_re} keys must be. */
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final String LABEL_NAME_RULE =
            "label names start with a letter or \"_\" and contain only letters, digits and \"_\"";

    private MatcherReader() {
    }

    public static Matchers read(YamlMap map, String equalField, String regexField, String matchersField) {
        List<Matcher> all = new ArrayList<>();
        readMap(map, equalField, MatchType.EQUAL, all);
        readMap(map, regexField, MatchType.REGEX, all);
        readList(map, matchersField, all);
        return Matchers.of(all);
    }

    private static void readMap(YamlMap map, String field, MatchType type, List<Matcher> into) {
        map.get(field).flatMap(node -> node.asMap(map.problems(), map.describe(field))).ifPresent(labels -> {
            for (String name : labels.fieldNames()) {
                if (!LABEL_NAME.matcher(name).matches()) {
                    map.problems().error(labels.keyLocation(name), "invalid label name \"" + name + "\" in "
                            + map.describe(field) + ": " + LABEL_NAME_RULE);
                    continue;
                }
                labels.get(name).flatMap(value -> value.asText(map.problems(), labels.describe(name)))
                        .flatMap(value -> matcher(type, name, value, map.describe(field), labels.get(name).orElseThrow().location(), map.problems()))
                        .ifPresent(into::add);
            }
        });
    }

    private static Optional<Matcher> matcher(MatchType type, String name, String value, String field,
                                             SourceLocation where, Problems problems) {
        try {
            Matcher matcher = Matcher.of(type, name, value);
            // Alertmanager keeps match_re values compiled as ^(?:re)$ and prints them so in route keys.
            return Optional.of(type.isRegex() ? Matcher.of(type, name, "^(?:" + value + ")$") : matcher);
        } catch (IllegalArgumentException e) {
            problems.error(where, "\"" + name + "\" in " + field + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void readList(YamlMap map, String field, List<Matcher> into) {
        for (Located<String> line : YamlFields.texts(map, field)) {
            try {
                ParsedMatchers parsed = MatcherParser.parse(line.value());
                parsed.warning().ifPresent(warning -> map.problems().warning(line.location(), warning));
                into.addAll(parsed.matchers());
            } catch (MatcherSyntaxException e) {
                map.problems().error(line.location(), "invalid matcher '" + line.value() + "' in " + map.describe(field)
                        + ": character " + e.position() + ": " + e.reason());
            }
        }
    }
}
