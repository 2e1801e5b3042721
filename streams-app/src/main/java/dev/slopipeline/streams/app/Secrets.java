package dev.slopipeline.streams.app;

import java.util.List;
import java.util.Locale;

/** Keeps credentials out of logs and printed configs. */
final class Secrets {

    static final String MASK = "******";

    private static final List<String> SECRET_KEY_PARTS = List.of("password", "secret", "sasl.jaas.config", "token");

    private Secrets() {
    }

    static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_KEY_PARTS.stream().anyMatch(lower::contains);
    }

    static String printable(String key, String value) {
        return isSecret(key) ? MASK : value;
    }
}
