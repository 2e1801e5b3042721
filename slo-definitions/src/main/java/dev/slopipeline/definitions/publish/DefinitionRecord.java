package dev.slopipeline.definitions.publish;

import java.util.Objects;

/**
 * One record of the compacted {@code slo.definitions} topic.
 *
 * @param key {@code <Kind>/<name>} for slo-pipeline documents ({@code SLO/checkout-availability}), the
 *     apiVersion's group first for others ({@code openslo/SLI/checkout-requests})
 * @param value the document's YAML as written in its file, after a {@code # from <file>:<line>} comment;
 *     null for a tombstone, which removes the definition
 */
public record DefinitionRecord(String key, String value) {

    public DefinitionRecord {
        Objects.requireNonNull(key, "key");
    }

    public static DefinitionRecord tombstone(String key) {
        return new DefinitionRecord(key, null);
    }

    public boolean isTombstone() {
        return value == null;
    }
}
