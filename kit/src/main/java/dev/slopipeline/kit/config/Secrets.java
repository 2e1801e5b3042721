package dev.slopipeline.kit.config;

import java.util.List;
import java.util.Locale;

/** The one masking of secret values, for every listing and every message. */
public final class Secrets {

    public static final String MASK = "******";

    private static final List<String> SECRET_NAME_PARTS = List.of("password", "secret", "token", "sasl.jaas.config");

    private Secrets() {
    }

    /** A name that says it holds a secret, whether or not it is declared one: better masked once too often. */
    public static boolean looksSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_NAME_PARTS.stream().anyMatch(lower::contains);
    }

    static String printable(boolean secret, String value) {
        return secret ? MASK : value;
    }
}
