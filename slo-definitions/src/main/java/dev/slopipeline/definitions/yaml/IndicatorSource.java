package dev.slopipeline.definitions.yaml;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Which event topic an indicator reads; request and health events have different fields. */
public enum IndicatorSource {
    REQUESTS, HEALTH;

    /** As written in {@code source:}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IndicatorSource> fromWireName(String text) {
        return Arrays.stream(values()).filter(source -> source.wireName().equals(text)).findFirst();
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(IndicatorSource::wireName).toList();
    }
}
