package dev.slopipeline.router.config;

import dev.slopipeline.kit.yaml.Suggestions;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.kit.time.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading the kinds of values an Alertmanager config holds, each problem located and explained. */
final class Fields {

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private Fields() {
    }

    /** A single value; numbers and booleans are taken as written, as Alertmanager reads strings. */
    static Optional<String> text(YamlMap map, String field) {
        return map.get(field).flatMap(node -> node.asText(map.problems(), map.describe(field)));
    }

    /** A list of single values, each with its location. */
    static List<Located<String>> texts(YamlMap map, String field) {
        List<Located<String>> result = new ArrayList<>();
        map.get(field).flatMap(node -> node.asList(map.problems(), map.describe(field))).ifPresent(items -> {
            for (YamlNode item : items) {
                item.asText(map.problems(), "each entry of " + map.describe(field))
                        .ifPresent(text -> result.add(new Located<>(text, item.location())));
            }
        });
        return result;
    }

    static boolean flag(YamlMap map, String field, boolean whenAbsent) {
        return map.get(field).flatMap(node -> node.asBoolean(map.problems(), map.describe(field))).orElse(whenAbsent);
    }

    static Optional<Duration> duration(YamlMap map, String field) {
        return map.get(field).flatMap(node -> node.asText(map.problems(), map.describe(field)).flatMap(text -> {
            try {
                return Optional.of(Durations.parse(text));
            } catch (IllegalArgumentException e) {
                map.problems().error(node.location(), map.describe(field) + ": " + e.getMessage());
                return Optional.empty();
            }
        }));
    }

    /** An absolute http or https URL with a host, as Alertmanager requires of every URL. */
    static Optional<URI> url(YamlMap map, String field) {
        return map.get(field).flatMap(node -> node.asString(map.problems(), map.describe(field)).flatMap(text -> {
            try {
                URI url = new URI(text);
                if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                    return Optional.of(url);
                }
            } catch (URISyntaxException notAUrl) {
                // explained below
            }
            map.problems().error(node.location(), map.describe(field)
                    + " must be an http or https URL with a host, e.g. https://hooks.example.com/alerts, got \"" + text + "\"");
            return Optional.empty();
        }));
    }

    /** Alertmanager fields this router does not act on yet: accepted, with a warning. */
    static void ignore(YamlMap map, String... fields) {
        for (String field : fields) {
            if (map.get(field).isPresent()) {
                map.problems().warning(map.keyLocation(field),
                        map.describe(field) + " is not supported by slo-pipeline yet and is ignored");
            }
        }
    }

    /** A classic Prometheus label name, as {@code match} and {@code match_re} keys must be. */
    static boolean isLabelName(String name) {
        return LABEL_NAME.matcher(name).matches();
    }

    static String labelNameRule() {
        return "label names start with a letter or \"_\" and contain only letters, digits and \"_\"";
    }

    /** "; did you mean "x"?" or the list of what exists, for messages about an unknown name. */
    static String knownNames(String name, Collection<String> known, String kind) {
        if (known.isEmpty()) {
            return "; no " + kind + " are defined";
        }
        return Suggestions.closest(name, known)
                .map(s -> "; did you mean \"" + s + "\"?")
                .orElse("; the " + kind + " are: " + String.join(", ", known));
    }
}
