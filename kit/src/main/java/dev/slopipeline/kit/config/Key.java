package dev.slopipeline.kit.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One setting of an app: its name in a config file, how its text is read, its default and what it is for.
 *
 * @param <T> the type a value is read into
 */
public final class Key<T> {

    /** No underscore, so that the environment name maps back to exactly one key. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(\\.[a-z0-9]+)*");

    private final String name;
    private final ValueType<T> type;
    private final String defaultValue;
    private final String description;
    private final boolean secret;

    private Key(String name, ValueType<T> type, String defaultValue, String description, boolean secret) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key is lower-case words and digits joined by dots, not " + name);
        }
        this.name = name;
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.description = Objects.requireNonNull(description, "description");
        this.secret = secret;
        if (defaultValue != null) {
            // a default that does not read is a mistake in the code; fail when the class loads, not in production
            type.parse(defaultValue);
        }
    }

    /** @param defaultValue the text used when the key is not set; null when there is none or it depends on others */
    public static <T> Key<T> of(String name, ValueType<T> type, String defaultValue, String description) {
        return new Key<>(name, type, defaultValue, description, false);
    }

    /** A key without a default whose value is never printed: a password, a token. */
    public static <T> Key<T> secret(String name, ValueType<T> type, String description) {
        return new Key<>(name, type, null, description, true);
    }

    public String name() {
        return name;
    }

    public ValueType<T> type() {
        return type;
    }

    /** Empty when there is no default, or the default depends on another setting. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public String description() {
        return description;
    }

    public boolean isSecret() {
        return secret;
    }

    /** {@code SLO_PIPELINE_HTTP_PORT} for {@code http.port}. */
    public String envName() {
        return envName(name);
    }

    /** The environment variable of any key, {@code kafka.*} ones included. */
    public static String envName(String key) {
        return ConfigLayers.ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    @Override
    public String toString() {
        return name;
    }
}
