package dev.slopipeline.streams.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads settings as flat {@code key -> value} text from a config file or the environment. Public so that a launcher
 * reading one file for several components flattens it the same way.
 */
public final class ConfigSources {

    private ConfigSources() {
    }

    /**
     * A {@code .properties} file, or a {@code .yaml}/{@code .yml} file whose nested maps become dotted keys
     * ({@code topics: {requests: x}} is {@code topics.requests}) and whose lists of values are joined with
     * commas (for {@code bootstrap.servers}).
     */
    public static Map<String, String> file(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (name.endsWith(".properties")) {
                Properties properties = new Properties();
                properties.load(reader);
                Map<String, String> values = new LinkedHashMap<>();
                properties.stringPropertyNames().stream().sorted().forEach(key -> values.put(key, properties.getProperty(key).strip()));
                return values;
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
                Map<String, String> values = new LinkedHashMap<>();
                if (root != null) {
                    flatten("", root, values, file);
                }
                return values;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the config file " + file, e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("Config file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("Config file " + file + " must end in .properties, .yaml or .yml");
    }

    /** The {@code SLO_PIPELINE_*} variables, by the key each one sets. */
    static Map<String, String> environment(Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        env.keySet().stream()
                .filter(name -> name.startsWith(ConfigKey.ENV_PREFIX) && name.length() > ConfigKey.ENV_PREFIX.length())
                .sorted()
                .forEach(name -> values.put(ConfigKey.keyOfEnvName(name), env.get(name).strip()));
        return values;
    }

    private static void flatten(String prefix, Object node, Map<String, String> values, Path file) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix + key + (value instanceof Map ? "." : ""), value, values, file));
        } else if (prefix.isEmpty()) {
            throw new IllegalArgumentException("Config file " + file + " must hold a map of settings");
        } else if (node instanceof List<?> list) {
            values.put(prefix, list.stream().map(String::valueOf).collect(Collectors.joining(",")));
        } else {
            values.put(prefix, node == null ? "" : String.valueOf(node));
        }
    }
}
