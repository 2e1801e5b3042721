package dev.slopipeline.kit.yaml;

import dev.slopipeline.kit.time.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading the kinds of values a config file holds (single values, lists, flags, durations, URLs), each problem
 * located and explained. Alertmanager's format takes numbers and booleans where it wants strings, so these do too.
 */
public final class YamlFields {

    private YamlFields() {
    }

    /** A single value; numbers and booleans are taken as written, as Alertmanager reads strings. */
    public static Optional<String> text(YamlMap map, String field) {
        return map.get(field).flatMap(node -> node.asText(map.problems(), map.describe(field)));
    }

    /** A list of single values, each with its location. */
    public static List<Located<String>> texts(YamlMap map, String field) {
        List<Located<String>> result = new ArrayList<>();
        map.get(field).flatMap(node -> node.asList(map.problems(), map.describe(field))).ifPresent(items -> {
            for (YamlNode item : items) {
                item.asText(map.problems(), "each entry of " + map.describe(field))
                        .ifPresent(text -> result.add(new Located<>(text, item.location())));
            }
        });
        return result;
    }

    public static boolean flag(YamlMap map, String field, boolean whenAbsent) {
        return map.get(field).flatMap(node -> node.asBoolean(map.problems(), map.describe(field))).orElse(whenAbsent);
    }

    /** A duration in {@link Durations}' syntax. */
    public static Optional<Duration> duration(YamlMap map, String field) {
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
    public static Optional<URI> url(YamlMap map, String field) {
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

    /** Fields of a borrowed format that slo-pipeline does not act on yet: accepted, with a warning. */
    public static void ignore(YamlMap map, String... fields) {
        for (String field : fields) {
            if (map.get(field).isPresent()) {
                map.problems().warning(map.keyLocation(field),
                        map.describe(field) + " is not supported by slo-pipeline yet and is ignored");
            }
        }
    }
}
