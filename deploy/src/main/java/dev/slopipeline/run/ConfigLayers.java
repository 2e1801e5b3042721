package dev.slopipeline.run;

import dev.slopipeline.streams.app.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of {@code slo run} as flat {@code key -> value} text, layer over layer: a config file, the
 * {@code SLO_PIPELINE_*} environment, then flags; a later layer wins. Each value remembers where it came from,
 * so that an error can say which layer to fix.
 *
 * <p>The streams app reads its own keys; this class exists because one file also holds the router's and the
 * embedded broker's keys, which the streams app's own file reader refuses as unknown.
 */
public final class ConfigLayers {

    /** Environment variables that configure slo-pipeline start with this. */
    public static final String ENV_PREFIX = "SLO_PIPELINE_";
    /** How the origin of a value read from the environment starts. */
    public static final String ENVIRONMENT = "environment ";

    /** A value as given, and where: {@code file slo-pipeline.yml}, {@code environment SLO_PIPELINE_DATA_DIR}. */
    public record Setting(String value, String origin) {
    }

    private final Map<String, Setting> settings = new LinkedHashMap<>();

    /** A {@code .properties}, {@code .yaml} or {@code .yml} file; nested YAML maps become dotted keys. */
    public ConfigLayers file(Path file) {
        readFile(file).forEach((key, value) -> settings.put(key, new Setting(value, "file " + file)));
        return this;
    }

    /** The {@code SLO_PIPELINE_*} variables: {@code SLO_PIPELINE_ROUTER_HTTP_PORT} sets {@code router.http.port}. */
    public ConfigLayers env(Map<String, String> env) {
        env.keySet().stream()
                .filter(name -> name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length())
                .sorted()
                .forEach(name -> settings.put(keyOfEnvName(name), new Setting(env.get(name).strip(), ENVIRONMENT + name)));
        return this;
    }

    /** One value given on the command line. */
    public ConfigLayers flag(String key, String value, String flag) {
        settings.put(key, new Setting(value, "flag " + flag));
        return this;
    }

    public Optional<Setting> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    public boolean isSet(String key) {
        return settings.containsKey(key);
    }

    /** Every setting in the order it was first given. */
    public Map<String, Setting> all() {
        return Collections.unmodifiableMap(settings);
    }

    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    static String keyOfEnvName(String envName) {
        return envName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Map<String, String> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Config file " + file + " does not exist");
        }
        return ConfigSources.file(file);
    }
}
