package dev.slopipeline.kit.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings as text, layer over layer: a config file, the {@code SLO_PIPELINE_*} environment, then flags or values
 * set in code, in the order they are given; a later layer wins. Each value remembers where it came from, so that
 * a mistake names the layer to fix. {@link ConfigReader} reads typed values from here.
 */
public final class ConfigLayers {

    /** Environment variables that configure slo-pipeline start with this. */
    public static final String ENV_PREFIX = "SLO_PIPELINE_";

    /** Where a value came from; an unknown key is a mistake in every layer but the environment, which others share. */
    public enum Layer { DEFAULT, FILE, ENVIRONMENT, FLAG }

    /** A value as given, and where: {@code file slo-pipeline.yml}, {@code environment SLO_PIPELINE_HTTP_PORT}. */
    public record Setting(String value, Layer layer, String origin) {
        public Setting {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(origin, "origin");
        }
    }

    private final Map<String, Setting> settings = new LinkedHashMap<>();

    /**
     * A {@code .properties}, {@code .yaml} or {@code .yml} file; nested YAML maps become dotted keys, lists are
     * joined with commas.
     *
     * @throws IllegalArgumentException when the file is missing, not one of those kinds, or not valid YAML
     */
    public ConfigLayers file(Path file) {
        ConfigFiles.read(file).forEach((key, value) -> put(key, new Setting(value, Layer.FILE, "file " + file)));
        return this;
    }

    /**
     * The {@code SLO_PIPELINE_*} variables of an environment (pass {@code System.getenv()}):
     * {@code SLO_PIPELINE_ROUTER_HTTP_PORT} sets {@code router.http.port}. An empty variable unsets what a file set.
     */
    public ConfigLayers env(Map<String, String> env) {
        env.keySet().stream()
                .filter(name -> name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length())
                .sorted()
                .forEach(name -> put(keyOfEnvName(name), new Setting(env.get(name).strip(), Layer.ENVIRONMENT,
                        "environment " + name)));
        return this;
    }

    /** One value given on the command line, e.g. {@code flag("http.port", "8081", "--http-port")}. */
    public ConfigLayers flag(String key, String value, String flag) {
        return put(key, new Setting(value, Layer.FLAG, "flag " + flag));
    }

    /** One value given in code. */
    public ConfigLayers set(String key, String value) {
        return put(key, new Setting(value, Layer.FLAG, "set(\"" + key + "\")"));
    }

    /**
     * A default that depends on another setting, below every layer: used only while nothing sets {@code key}, e.g.
     * {@code state.dir} under {@code data.dir}.
     */
    public ConfigLayers underneath(String key, String value, String origin) {
        if (!settings.containsKey(key)) {
            put(key, new Setting(value, Layer.DEFAULT, origin));
        }
        return this;
    }

    public Optional<Setting> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** Every setting, in the order each key was first given. */
    public Map<String, Setting> all() {
        return Collections.unmodifiableMap(settings);
    }

    /** The inverse of {@link Key#envName}: no key has an underscore, so the mapping is exact. */
    static String keyOfEnvName(String envName) {
        return envName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private ConfigLayers put(String key, Setting setting) {
        settings.put(Objects.requireNonNull(key, "key"), setting);
        return this;
    }
}
