package dev.slopipeline.kit.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The effective settings as {@code key = value} lines, secrets masked: for the log at start-up and {@code --print-config}. */
public final class ConfigListing {

    private final KeySet keys;
    private final List<String> lines = new ArrayList<>();

    public ConfigListing(KeySet keys) {
        this.keys = keys;
    }

    /** The value in the key's own syntax. */
    public <T> ConfigListing value(Key<T> key, T value) {
        return text(key, key.type().format(value));
    }

    /** A value as text, masked when secret. */
    public ConfigListing text(Key<?> key, String text) {
        lines.add(key.name() + " = " + keys.printable(key.name(), text));
        return this;
    }

    /** What the key's absence means, such as {@code (broker default)}: never masked, since it is no value. */
    public ConfigListing absent(Key<?> key, String meaning) {
        lines.add(key.name() + " = " + meaning);
        return this;
    }

    /** The value if there is one, else what its absence means. */
    public <T> ConfigListing value(Key<T> key, Optional<T> value, String meaning) {
        return value.isPresent() ? value(key, value.get()) : absent(key, meaning);
    }

    /** Each pass-through value under its prefixed key. */
    public ConfigListing passThrough(PassThrough passThrough, Map<String, String> values) {
        values.forEach((key, value) -> lines.add(passThrough.prefix() + key + " = "
                + keys.printable(passThrough.prefix() + key, value)));
        return this;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }
}
