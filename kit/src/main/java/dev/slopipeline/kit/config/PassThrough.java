package dev.slopipeline.kit.config;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Keys under a prefix that an app does not know one by one but hands on with the prefix removed, as
 * {@code kafka.security.protocol} becomes {@code security.protocol} for every Kafka client.
 *
 * @param prefix   with its trailing dot: {@code kafka.}
 * @param what     for the list of known keys: {@code Kafka client settings}
 * @param isSecret whether the value of a key, without the prefix, must never be printed
 */
public record PassThrough(String prefix, String what, Predicate<String> isSecret) {

    public PassThrough {
        if (!prefix.endsWith(".")) {
            throw new IllegalArgumentException("a pass-through prefix ends with a dot: " + prefix);
        }
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(isSecret, "isSecret");
    }

    public boolean covers(String key) {
        return key.startsWith(prefix) && key.length() > prefix.length();
    }

    /** The key as the receiver knows it: {@code security.protocol} for {@code kafka.security.protocol}. */
    public String unprefixed(String key) {
        return key.substring(prefix.length());
    }
}
