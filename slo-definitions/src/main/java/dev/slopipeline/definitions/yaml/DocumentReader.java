package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;
import dev.slopipeline.kit.yaml.Suggestions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads one slo-pipeline/v1 document: what every kind shares ({@code apiVersion}, {@code kind},
 * {@code metadata}), then hands the spec to the reader of its kind.
 */
final class DocumentReader {

    static final String API_VERSION = "slo-pipeline/v1";
    static final String OPENSLO_V1 = "openslo/v1";

    private final Problems problems;
    private final Declarations declarations;
    private final List<String> acceptedApiVersions;

    DocumentReader(Problems problems, Declarations declarations, List<String> acceptedApiVersions) {
        this.problems = problems;
        this.declarations = declarations;
        this.acceptedApiVersions = List.copyOf(acceptedApiVersions);
    }

    void read(YamlNode document) {
        if (!document.isMap()) {
            problems.error(document.location(),
                    "a document must be a map with apiVersion, kind, metadata and spec, got " + document.describe());
            return;
        }
        int errorsBefore = problems.errorCount();
        YamlMap root = document.asMap(problems, "the document").orElseThrow();
        if (!checkApiVersion(root)) {
            return;
        }
        Optional<Kind> kind = kind(root);
        Optional<Metadata> metadata = root.require("metadata", "e.g. metadata: {name: checkout}")
                .flatMap(node -> node.asMap(problems, "metadata"))
                .flatMap(this::metadata);
        Optional<YamlMap> spec = kind.flatMap(k -> root.require("spec", k.specHint())
                .flatMap(node -> node.asMap(problems, "the " + k.wireName() + " spec")));
        // without a kind there is no telling what the spec should hold, but it is no typo either
        root.has("spec");
        root.rejectUnknownFields();
        if (kind.isEmpty()) {
            return;
        }
        if (spec.isEmpty()) {
            metadata.ifPresent(meta -> declarations.invalid(kind.get(), meta.name(), meta.nameAt()));
            return;
        }
        // without a name the document cannot count, but its spec may hold more mistakes to report now
        Metadata meta = metadata.orElse(new Metadata("", Map.of(), document.location()));
        switch (kind.get()) {
            case SERVICE -> declare(ServiceReader.read(document.location(), meta, spec.get(), problems),
                    errorsBefore, declarations::service, Kind.SERVICE, metadata);
            case SLO -> {
                SloReader.Read read = SloReader.read(document.location(), meta, spec.get(), problems);
                boolean valid = declare(read.slo(), errorsBefore, declarations::slo, Kind.SLO, metadata);
                // an SLO without a name cannot be named in the message
                if (!valid && metadata.isPresent()) {
                    read.service().ifPresent(declarations::serviceReference);
                }
            }
        }
    }

    /** A document counts only when nothing in it was wrong, the envelope included; true when it counts. */
    private <T> boolean declare(Optional<Declared<T>> read, int errorsBefore, Consumer<Declared<T>> valid,
            Kind kind, Optional<Metadata> metadata) {
        if (read.isPresent() && problems.errorCount() == errorsBefore) {
            valid.accept(read.get());
            return true;
        }
        metadata.ifPresent(meta -> declarations.invalid(kind, meta.name(), meta.nameAt()));
        return false;
    }

    /** False when the document is in a language we do not read: checking its fields would only add noise. */
    private boolean checkApiVersion(YamlMap root) {
        Optional<YamlNode> node = root.require("apiVersion", "write apiVersion: " + API_VERSION);
        Optional<String> version = node.flatMap(n -> n.asString(problems, root.describe("apiVersion")));
        if (version.isEmpty() || version.get().equals(API_VERSION)) {
            return true;
        }
        SourceLocation at = node.get().location();
        String accepted = "; accepted: " + String.join(", ", acceptedApiVersions);
        if (version.get().equals(OPENSLO_V1)) {
            problems.error(at, "apiVersion \"" + OPENSLO_V1 + "\" is not supported here: no OpenSLO translator is registered"
                    + accepted);
            return false;
        }
        problems.error(at, "unknown apiVersion \"" + version.get() + "\"" + accepted);
        // a misspelt slo-pipeline/v1 is still ours: the rest of the document is worth checking
        return Suggestions.closest(version.get(), List.of(API_VERSION)).isPresent();
    }

    private Optional<Kind> kind(YamlMap root) {
        Optional<YamlNode> node = root.require("kind", "use " + String.join(" or ", Kind.wireNames()));
        Optional<String> text = node.flatMap(n -> n.asString(problems, root.describe("kind")));
        Optional<Kind> kind = text.flatMap(Kind::fromWireName);
        if (text.isPresent() && kind.isEmpty()) {
            String hint = Suggestions.closest(text.get(), Kind.wireNames())
                    .map(s -> "; did you mean \"" + s + "\"?")
                    .orElse("; use " + String.join(" or ", Kind.wireNames()));
            problems.error(node.get().location(), "unknown kind \"" + text.get() + "\"" + hint);
        }
        return kind;
    }

    private Optional<Metadata> metadata(YamlMap map) {
        Optional<YamlNode> nameNode = map.require("name", "e.g. name: checkout");
        Optional<String> name = nameNode.flatMap(n -> n.asString(problems, map.describe("name")));
        name.flatMap(Names::problemWith).ifPresent(message -> problems.error(nameNode.get().location(), message));
        Map<String, String> labels = map.stringMap("labels");
        map.rejectUnknownFields();
        return name.map(n -> new Metadata(n, labels, nameNode.get().location()));
    }
}
