package dev.slopipeline.definitions.openslo;

import dev.slopipeline.definitions.model.ServiceDefinition;
import dev.slopipeline.definitions.yaml.Declared;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kind: Service} to a {@link ServiceDefinition}. OpenSLO services have no owner or tier, so they
 * come from the labels {@code owner} (required: alerts are routed by owner, and an import that pages
 * nobody is worse than one that fails lint) and {@code tier} (default 2).
 */
final class ServiceTranslation {

    private ServiceTranslation() {
    }

    static Optional<Declared<ServiceDefinition>> translate(OpenSloDocument document, Problems problems) {
        int errorsBefore = problems.errorCount();
        Optional<Metadata> metadata = document.requireMetadata(problems).map(map -> Metadata.read(map, true));
        Optional<String> name = metadata.flatMap(Metadata::name);
        name.ifPresent(n -> Metadata.checkName("Service", n, metadata.get().nameLocation(), problems));
        String what = name.map(n -> "Service \"" + n + "\"").orElse("the Service");
        Optional<String> description = document.spec().flatMap(node -> node.asMap(problems, "spec of " + what))
                .flatMap(ServiceTranslation::description);
        Optional<String> owner = metadata.flatMap(m -> owner(m, what, problems));
        int tier = metadata.map(m -> tier(m, what, problems)).orElse(ServiceDefinition.DEFAULT_TIER);
        if (problems.errorCount() > errorsBefore || name.isEmpty() || owner.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        metadata.get().labels().forEach((key, label) -> labels.put(key, label.joined()));
        labels.remove("owner");
        labels.remove("tier");
        ServiceDefinition service = new ServiceDefinition(name.get(), owner.get(), tier, null, description.orElse(null), Map.of(), labels);
        return Optional.of(new Declared<>(service, document.location(), Map.of("metadata.name", metadata.get().nameLocation())));
    }

    private static Optional<String> description(YamlMap spec) {
        Optional<String> description = spec.string("description");
        spec.rejectUnknownFields();
        return description;
    }

    private static Optional<String> owner(Metadata metadata, String what, Problems problems) {
        Metadata.Label owner = metadata.labels().get("owner");
        if (owner == null) {
            if (metadata.labelKeys().contains("owner")) {
                return Optional.empty(); // written but unreadable, and reported as such
            }
            problems.error(metadata.nameLocation(), what + " has no owner: OpenSLO has no owner field, so slo-pipeline reads it "
                    + "from metadata.labels.owner (e.g. labels: {owner: team-shop})");
            return Optional.empty();
        }
        if (owner.values().size() != 1 || owner.values().get(0).isBlank()) {
            problems.error(owner.location(), "label \"owner\" of " + what + " must name one team, got " + owner.values());
            return Optional.empty();
        }
        return Optional.of(owner.values().get(0));
    }

    private static int tier(Metadata metadata, String what, Problems problems) {
        Metadata.Label tier = metadata.labels().get("tier");
        if (tier == null) {
            return ServiceDefinition.DEFAULT_TIER;
        }
        String text = tier.joined();
        if (!text.matches("[1-4]")) {
            problems.error(tier.location(), "label \"tier\" of " + what + " must be 1, 2, 3 or 4 (1 critical .. 4 experiment), got \"" + text + "\"");
            return ServiceDefinition.DEFAULT_TIER;
        }
        return Integer.parseInt(text);
    }
}
