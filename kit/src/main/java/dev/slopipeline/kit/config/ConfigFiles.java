package dev.slopipeline.kit.config;

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

/** Reads a config file as flat {@code key -> value} text. */
final class ConfigFiles {

    private ConfigFiles() {
    }

    /**
     * A {@code .properties} file, or a {@code .yaml}/{@code .yml} file whose nested maps become dotted keys
     * ({@code topics: {requests: x}} is {@code topics.requests}) and whose lists of values are joined with
     * commas (for {@code bootstrap.servers}).
     */
    static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Config file " + file + " does not exist");
        }
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
