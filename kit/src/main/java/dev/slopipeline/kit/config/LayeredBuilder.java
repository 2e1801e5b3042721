package dev.slopipeline.kit.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the builders of app configs share: layers given in order, a later one winning, read and checked all at
 * once by the subclass's {@code build()}.
 *
 * @param <B> the builder itself, so that calls chain
 */
public abstract class LayeredBuilder<B extends LayeredBuilder<B>> {

    protected final ConfigLayers layers = new ConfigLayers();

    /** A {@code .properties} or {@code .yaml} file; an unknown key in it is an error. */
    public B file(Path file) {
        layers.file(file);
        return self();
    }

    /**
     * The {@code SLO_PIPELINE_*} variables of an environment (pass {@code System.getenv()}). Variables that name
     * no setting are ignored with a warning: other parts of slo-pipeline may share the prefix.
     */
    public B env(Map<String, String> env) {
        layers.env(env);
        return self();
    }

    /** Any setting by its key, {@code kafka.*} included, as text. */
    public B set(String key, String value) {
        layers.set(key, Objects.requireNonNull(value, "value"));
        return self();
    }

    /** A typed setting; checked with the others when built. */
    public <T> B set(Key<T> key, T value) {
        return set(key.name(), key.type().format(Objects.requireNonNull(value, "value")));
    }

    /** A Kafka client setting, e.g. {@code kafka("security.protocol", "SASL_SSL")}. */
    public B kafka(String clientKey, String value) {
        return set(KafkaSettings.PASS_THROUGH.prefix() + clientKey, value);
    }

    /**
     * Reads the layers with {@code keys}, warning of {@code SLO_PIPELINE_*} variables that set nothing in the app.
     *
     * @param app  for the messages: {@code streams app}
     * @param read the app's config from a reader that notes every mistake
     * @throws InvalidConfigException listing every invalid or unknown setting, with where it was set
     */
    protected final <C> C build(KeySet keys, String app, Function<ConfigReader, C> read) {
        ConfigReader reader = new ConfigReader(layers, keys);
        reader.warnOfIgnoredEnvironment("the " + app);
        C config = read.apply(reader);
        reader.throwIfInvalid("Invalid " + app + " configuration:");
        return config;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
