package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.SourceLocation;

import java.util.Map;

/** A document's {@code metadata}, shared by every kind. */
record Metadata(String name, Map<String, String> labels, SourceLocation nameAt) {

    Metadata {
        labels = Map.copyOf(labels);
    }
}
