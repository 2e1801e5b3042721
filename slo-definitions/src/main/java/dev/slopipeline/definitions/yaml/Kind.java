package dev.slopipeline.definitions.yaml;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of document the slo-pipeline/v1 language has. */
enum Kind {
    SERVICE("Service"), SLO("SLO");

    private final String wireName;

    Kind(String wireName) {
        this.wireName = wireName;
    }

    /** As written in {@code kind:}, case-sensitive as in Kubernetes. */
    String wireName() {
        return wireName;
    }

    static Optional<Kind> fromWireName(String text) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(text)).findFirst();
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(Kind::wireName).toList();
    }
}
