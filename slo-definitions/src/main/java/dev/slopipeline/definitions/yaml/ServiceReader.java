package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;

import dev.slopipeline.definitions.model.ServiceDefinition;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Reads the spec of a {@code Service} document. */
final class ServiceReader {

    private ServiceReader() {
    }

    /** The service, or empty when anything in its spec was wrong (each mistake reported). */
    static Optional<Declared<ServiceDefinition>> read(SourceLocation documentAt, Metadata metadata, YamlMap spec,
            Problems problems) {
        int errorsBefore = problems.errorCount();
        Optional<String> owner = owner(spec, problems);
        OptionalInt tier = tier(spec, problems);
        Optional<String> runbook = runbook(spec, problems);
        Optional<String> description = spec.string("description");
        Map<String, String> contacts = spec.stringMap("contacts");
        spec.rejectUnknownFields();
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        ServiceDefinition service = new ServiceDefinition(metadata.name(), owner.orElseThrow(),
                tier.orElse(ServiceDefinition.DEFAULT_TIER), runbook.orElse(null), description.orElse(null),
                contacts, metadata.labels());
        return Optional.of(new Declared<>(service, documentAt, Map.of(FieldPaths.NAME, metadata.nameAt())));
    }

    private static Optional<String> owner(YamlMap spec, Problems problems) {
        Optional<YamlNode> node = spec.require("owner", "name the owning team, e.g. owner: team-shop");
        Optional<String> owner = node.flatMap(n -> n.asString(problems, spec.describe("owner")));
        if (owner.isPresent() && owner.get().isBlank()) {
            problems.error(node.get().location(), "owner must name the owning team, e.g. owner: team-shop");
            return Optional.empty();
        }
        return owner;
    }

    private static OptionalInt tier(YamlMap spec, Problems problems) {
        Optional<YamlNode> node = spec.get("tier");
        if (node.isEmpty()) {
            return OptionalInt.empty();
        }
        OptionalLong tier = node.get().asInteger(problems, spec.describe("tier"));
        if (tier.isEmpty()) {
            return OptionalInt.empty();
        }
        if (tier.getAsLong() < 1 || tier.getAsLong() > 4) {
            problems.error(node.get().location(), "tier must be 1 (critical), 2, 3 or 4 (experiment), got " + tier.getAsLong());
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) tier.getAsLong());
    }

    private static Optional<String> runbook(YamlMap spec, Problems problems) {
        Optional<YamlNode> node = spec.get("runbook");
        Optional<String> runbook = node.flatMap(n -> n.asString(problems, spec.describe("runbook")));
        if (runbook.isPresent() && !isHttpUrl(runbook.get())) {
            problems.error(node.get().location(), "runbook must be an http(s) URL such as https://runbooks.example/checkout, got \""
                    + runbook.get() + "\"");
            return Optional.empty();
        }
        return runbook;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException notAUri) {
            return false;
        }
    }
}
