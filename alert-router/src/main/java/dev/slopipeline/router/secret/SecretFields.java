package dev.slopipeline.router.secret;

import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the fields of a config that hold credentials, as Alertmanager reads them: each written in the config or, in
 * its {@code _file} form, in a file named there (relative to the config's folder), never both. A file is read while
 * the config loads, so that one missing or unreadable is a config error at its field, naming the path; loading again
 * (a reload) reads it again. No problem reported here quotes a credential: URLs are shown {@link Redacted}.
 */
public final class SecretFields {

    private static final String FILE_SUFFIX = "_file";
    private static final String URL_WANTED = "an http or https URL with a host, e.g. https://hooks.example.com/alerts";

    /** Why a credential is refused (too short, say), or empty when it is fine; the reason never quotes it. */
    @FunctionalInterface
    public interface Check {
        Check ANY = value -> Optional.empty();

        Optional<String> refusal(String value);
    }

    private SecretFields() {
    }

    /** Whether {@code field} or its {@code _file} form is written. */
    public static boolean written(YamlMap map, String field) {
        return map.has(field) || map.has(field + FILE_SUFFIX);
    }

    /**
     * A URL that is a credential itself ({@code url} of a webhook, {@code api_url} of Slack): from {@code field} or
     * from the file {@code field_file} names. Empty when neither is written, or when it is wrong (reported).
     */
    public static Optional<URI> url(YamlMap map, String field) {
        String fileField = field + FILE_SUFFIX;
        if (bothWritten(map, field, fileField, " (the file keeps the URL out of the config)")) {
            return Optional.empty();
        }
        if (map.has(field)) {
            YamlNode node = map.get(field).orElseThrow();
            return node.asString(map.problems(), map.describe(field)).flatMap(text -> parseUrl(text).or(() -> {
                map.problems().error(node.location(), map.describe(field) + " must be " + URL_WANTED + ", got \""
                        + Redacted.url(text) + "\"");
                return Optional.empty();
            }));
        }
        return file(map, fileField).flatMap(file -> {
            Optional<String> text = readAtLoad(map, fileField, file);
            return text.flatMap(content -> parseUrl(content).or(() -> {
                map.problems().error(map.get(fileField).orElseThrow().location(), map.describe(fileField) + ": "
                        + file + " must hold " + URL_WANTED + ", got \"" + Redacted.url(content) + "\"");
                return Optional.empty();
            }));
        });
    }

    /**
     * A key written in {@code field} (Alertmanager's way, e.g. {@code routing_key}) or in the file {@code field_file}
     * names. Empty when neither is written, or when it is wrong (reported).
     */
    public static Optional<Secret> inlineOrFile(YamlMap map, String field, Check check) {
        String fileField = field + FILE_SUFFIX;
        if (bothWritten(map, field, fileField, " (the file keeps the key out of the config)")) {
            return Optional.empty();
        }
        if (map.has(field)) {
            YamlNode node = map.get(field).orElseThrow();
            return node.asText(map.problems(), map.describe(field))
                    .filter(value -> nonBlank(map, field, value))
                    .filter(value -> accepted(map, field, node, value, check))
                    .map(Secret::inline);
        }
        return fromFile(map, fileField, check);
    }

    /**
     * A key that only ever lives outside the config: in the file {@code fileField} names, or in the environment
     * variable {@code envField} names. The variable is checked at load when it is set; one that is not fails at use,
     * as it did before there was a check.
     */
    public static Optional<Secret> fileOrEnvironment(YamlMap map, String fileField, String envField, Check check) {
        if (bothWritten(map, fileField, envField, "")) {
            return Optional.empty();
        }
        if (!map.has(envField)) {
            return fromFile(map, fileField, check);
        }
        YamlNode node = map.get(envField).orElseThrow();
        return node.asText(map.problems(), map.describe(envField)).filter(name -> nonBlank(map, envField, name))
                .filter(name -> {
                    String value = System.getenv(name);
                    return value == null || value.isBlank() || accepted(map, envField, node, value.strip(), check);
                })
                .map(Secret::fromEnvironment);
    }

    private static Optional<Secret> fromFile(YamlMap map, String fileField, Check check) {
        return file(map, fileField).flatMap(file -> readAtLoad(map, fileField, file)
                .filter(value -> accepted(map, fileField, map.get(fileField).orElseThrow(), value, check))
                .map(value -> Secret.fromFile(file)));
    }

    /** The file a {@code _file} field names, taken from the config's folder when relative. */
    private static Optional<Path> file(YamlMap map, String fileField) {
        return map.get(fileField).flatMap(node -> node.asString(map.problems(), map.describe(fileField)))
                .filter(path -> nonBlank(map, fileField, path))
                .map(path -> {
                    Path file = Path.of(path);
                    Path folder = Path.of(map.location().file()).toAbsolutePath().getParent();
                    return file.isAbsolute() || folder == null ? file : folder.resolve(file);
                });
    }

    /** The file's content without surrounding white space (Alertmanager trims it too); its errors name the path. */
    private static Optional<String> readAtLoad(YamlMap map, String fileField, Path file) {
        try {
            return Optional.of(Secret.fromFile(file).reveal());
        } catch (Secret.SecretUnavailableException e) {
            map.problems().error(map.get(fileField).orElseThrow().location(),
                    map.describe(fileField) + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean bothWritten(YamlMap map, String first, String second, String why) {
        if (map.has(first) && map.has(second)) {
            map.problems().error(map.keyLocation(second), map.what() + " has both \"" + first + "\" and \"" + second
                    + "\"; keep one" + why);
            return true;
        }
        return false;
    }

    private static boolean accepted(YamlMap map, String field, YamlNode node, String value, Check check) {
        Optional<String> refusal = check.refusal(value);
        refusal.ifPresent(reason -> map.problems().error(node.location(), map.describe(field) + ": " + reason));
        return refusal.isEmpty();
    }

    private static boolean nonBlank(YamlMap map, String field, String value) {
        if (value.isBlank()) {
            map.problems().error(map.keyLocation(field), map.describe(field) + " is empty");
        }
        return !value.isBlank();
    }

    private static Optional<URI> parseUrl(String text) {
        try {
            URI url = new URI(text);
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                return Optional.of(url);
            }
        } catch (URISyntaxException notAUrl) {
            // the caller explains what was wanted
        }
        return Optional.empty();
    }
}
