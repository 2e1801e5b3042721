package dev.slopipeline.definitions.openslo;

import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import java.util.Optional;

/**
 * The envelope every OpenSLO object shares: {@code apiVersion}, {@code kind}, {@code metadata} and
 * {@code spec}. The loader has already chosen us by {@code apiVersion}, so it is not checked again.
 */
record OpenSloDocument(String kind, SourceLocation kindLocation, SourceLocation location,
                       Optional<YamlNode> metadata, Optional<YamlNode> spec) {

    static Optional<OpenSloDocument> read(YamlNode node, Problems problems) {
        return node.asMap(problems, "an OpenSLO document").flatMap(document -> {
            document.get("apiVersion");
            Optional<String> kind = document.requireString("kind");
            Optional<YamlNode> metadata = document.get("metadata");
            Optional<YamlNode> spec = document.get("spec");
            document.rejectUnknownFields();
            return kind.map(k -> new OpenSloDocument(k, locationOf(document, "kind"), document.location(), metadata, spec));
        });
    }

    private static SourceLocation locationOf(YamlMap document, String field) {
        return document.get(field).map(YamlNode::location).orElse(document.location());
    }

    /** The metadata map, or a problem saying it is missing. */
    Optional<YamlMap> requireMetadata(Problems problems) {
        if (metadata.isEmpty()) {
            problems.error(location, "the " + kind + " document is missing the required field \"metadata\"");
        }
        return metadata.flatMap(node -> node.asMap(problems, "metadata of the " + kind));
    }

    /** The spec map, or a problem saying it is missing. */
    Optional<YamlMap> requireSpec(Problems problems, String what) {
        if (spec.isEmpty()) {
            problems.error(location, "the " + kind + " document is missing the required field \"spec\"");
        }
        return spec.flatMap(node -> node.asMap(problems, "spec of " + what));
    }
}
