package dev.slopipeline.kit.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Reads typed values from {@link ConfigLayers}, noting each mistake and going on, so that {@link #throwIfInvalid}
 * reports all of them at once, each with the key, the layer it came from and the value given (masked when secret):
 * {@code http.port (environment SLO_PIPELINE_HTTP_PORT) must be a whole number from 0 to 65535, got "eighty"}.
 *
 * <p>A key set in a file or a flag that the {@link KeySet} does not know is a mistake, with a suggestion for a
 * typo; one from the environment is only {@linkplain #ignoredEnvironment() ignored}, since other tools may share
 * the prefix. An empty value counts as not set.
 */
public final class ConfigReader {

    private final ConfigLayers layers;
    private final KeySet known;
    private final List<String> problems = new ArrayList<>();
    private final List<String> ignoredEnvironment = new ArrayList<>();

    public ConfigReader(ConfigLayers layers, KeySet known) {
        this.layers = layers;
        this.known = known;
        layers.all().forEach((name, setting) -> {
            if (known.isKnown(name)) {
                return;
            }
            if (setting.layer() != ConfigLayers.Layer.ENVIRONMENT) {
                problems.add(known.notASetting(name, setting.origin()));
            } else if (!known.isReadElsewhere(name)) {
                ignoredEnvironment.add(Key.envName(name));
            }
        });
    }

    /** The value set, else the default; after a mistake, the default, so that reading goes on. */
    public <T> T get(Key<T> key) {
        return find(key).orElseThrow(() -> new IllegalStateException(key + " has no default; read it with find"));
    }

    /** The value set, else the default; empty when neither (or after a mistake in a key without a default). */
    public <T> Optional<T> find(Key<T> key) {
        Optional<ConfigLayers.Setting> setting = setting(key);
        if (setting.isPresent()) {
            try {
                return Optional.of(key.type().parse(setting.get().value()));
            } catch (IllegalArgumentException e) {
                problems.add(key + " (" + setting.get().origin() + ") " + e.getMessage() + ", got \""
                        + known.printable(key.name(), setting.get().value()) + "\"");
            }
        }
        return key.defaultValue().map(key.type()::parse);
    }

    /** Whether a layer sets the key (not only its default). */
    public boolean isSet(Key<?> key) {
        return setting(key).isPresent();
    }

    /**
     * The keys under {@code passThrough}'s prefix without it, except those the app sets itself: each of those is a
     * mistake that names the key to use instead ({@code kafka.application.id -> application.id}).
     *
     * @param ownedInstead keys without the prefix that the app owns, with the key that sets each
     */
    public Map<String, String> passThrough(PassThrough passThrough, Map<String, String> ownedInstead) {
        Map<String, String> values = new LinkedHashMap<>();
        layers.all().forEach((name, setting) -> {
            if (!passThrough.covers(name)) {
                return;
            }
            String unprefixed = passThrough.unprefixed(name);
            String instead = ownedInstead.get(unprefixed);
            if (instead != null) {
                problems.add(name + " (" + setting.origin() + ") is set by the app; use " + instead);
            } else if (!setting.value().isBlank()) {
                values.put(unprefixed, setting.value());
            }
        });
        return values;
    }

    /** A mistake in the value of {@code key} that no single value shows, e.g. a port taken twice. */
    public void refuse(Key<?> key, String message) {
        problems.add(key + " (" + setting(key).map(ConfigLayers.Setting::origin).orElse("default") + ") " + message);
    }

    /** A mistake of several settings together. */
    public void refuse(String problem) {
        problems.add(problem);
    }

    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** {@code SLO_PIPELINE_*} variables that name no key. */
    public List<String> ignoredEnvironment() {
        return Collections.unmodifiableList(ignoredEnvironment);
    }

    /** Logs the {@link #ignoredEnvironment()}, if any: {@code Ignoring environment variables that set nothing in <where>}. */
    public void warnOfIgnoredEnvironment(String where) {
        if (!ignoredEnvironment.isEmpty()) {
            // not a constant: the logging configuration reads its own settings with this class while it starts
            LoggerFactory.getLogger(ConfigReader.class)
                    .warn("Ignoring environment variables that set nothing in {}: {}", where, ignoredEnvironment);
        }
    }

    /** @throws InvalidConfigException with every mistake noted, under {@code heading} */
    public void throwIfInvalid(String heading) {
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(heading, problems);
        }
    }

    private Optional<ConfigLayers.Setting> setting(Key<?> key) {
        return layers.get(key.name()).filter(setting -> !setting.value().isBlank());
    }
}
