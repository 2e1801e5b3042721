package dev.slopipeline.definitions.yaml;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of document the slo-pipeline/v1 language has. */
enum Kind {
    SERVICE("Service", "e.g. spec: {owner: team-shop, tier: 1}"),
    SLO("SLO", "it holds the service, indicator, objective and window");

    private final String wireName;
    private final String specHint;

    Kind(String wireName, String specHint) {
        this.wireName = wireName;
        this.specHint = specHint;
    }

    /** As written in {@code kind:}, case-sensitive as in Kubernetes. */
    String wireName() {
        return wireName;
    }

    /** What to write when the spec is missing. */
    String specHint() {
        return specHint;
    }

    static Optional<Kind> fromWireName(String text) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(text)).findFirst();
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(Kind::wireName).toList();
    }
}
