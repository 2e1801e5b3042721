package dev.slopipeline.definitions.openslo;

import dev.slopipeline.definitions.model.AlertingSpec;
import dev.slopipeline.definitions.model.Grouping;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.yaml.Declared;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kind: SLO} to an {@link SloDefinition}. The journey is the SLO's name, and alerting takes our
 * defaults (the four workbook pairs scaled to the window): OpenSLO alert policies describe single
 * conditions, not the paired long and short windows our alerts are built on. Annotations may split the SLO into
 * series ({@link AnnotatedGrouping}).
 */
final class SloTranslation {

    private SloTranslation() {
    }

    static Optional<Declared<SloDefinition>> translate(OpenSloDocument document, SliCatalog slis, Problems problems) {
        int errorsBefore = problems.errorCount();
        Optional<Metadata> metadata = document.requireMetadata(problems).map(map -> Metadata.read(map, true));
        Optional<String> name = metadata.flatMap(Metadata::name);
        name.ifPresent(n -> Metadata.checkName("SLO", n, metadata.get().nameLocation(), problems));
        String slo = name.map(n -> "SLO \"" + n + "\"").orElse("the SLO");
        Optional<YamlMap> spec = document.requireSpec(problems, slo);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        YamlMap fields = spec.get();
        Optional<String> description = fields.string("description");
        Optional<String> service = fields.requireString("service");
        SourceLocation serviceLocation = fields.get("service").map(YamlNode::location).orElse(fields.location());
        Optional<Indicator> indicator = indicator(fields, slo, slis, problems);
        Optional<SloWindow> window = window(fields, slo, problems);
        Optional<Objectives> objectives = Objectives.read(fields, slo, problems);
        if (fields.has("alertPolicies")) {
            problems.warning(fields.keyLocation("alertPolicies"), "alertPolicies are ignored: slo-pipeline alerts with the "
                    + "workbook burn-rate pairs (page-fast, page-slow, ticket-fast, ticket-slow; see OPENSLO.md)");
        }
        fields.rejectUnknownFields();
        Map<String, String> labels = new LinkedHashMap<>();
        metadata.ifPresent(m -> m.labels().forEach((key, label) -> labels.put(key, label.joined())));
        Optional<Grouping> grouping = metadata.flatMap(m -> AnnotatedGrouping.read(m.annotations(), labels, problems));
        if (problems.errorCount() > errorsBefore || name.isEmpty() || service.isEmpty() || indicator.isEmpty()
                || window.isEmpty() || objectives.isEmpty()) {
            return Optional.empty();
        }
        SloDefinition definition = new SloDefinition(name.get(), labels, description.orElse(null), service.get(), null,
                indicator.get(), objectives.get().percent(), window.get(), objectives.get().budgeting(), AlertingSpec.defaults(),
                grouping.orElseThrow());
        return Optional.of(new Declared<>(definition, document.location(),
                Map.of("metadata.name", metadata.get().nameLocation(), "spec.service", serviceLocation)));
    }

    private static Optional<Indicator> indicator(YamlMap spec, String slo, SliCatalog slis, Problems problems) {
        Optional<YamlNode> inline = spec.get("indicator");
        Optional<YamlNode> ref = spec.get("indicatorRef");
        if (inline.isPresent() && ref.isPresent()) {
            problems.error(spec.keyLocation("indicatorRef"), spec.what() + " has both indicator and indicatorRef: "
                    + "write the SLI inline or refer to it, not both");
            return Optional.empty();
        }
        if (ref.isPresent()) {
            return ref.get().asString(problems, spec.describe("indicatorRef"))
                    .flatMap(name -> slis.resolve(name, ref.get().location(), problems));
        }
        if (inline.isEmpty()) {
            problems.error(spec.location(), spec.what() + " needs an indicator (an inline SLI) or an indicatorRef (the name of an SLI)");
            return Optional.empty();
        }
        String sli = "the indicator of " + slo;
        return inline.get().asMap(problems, sli).flatMap(map -> {
            map.get("metadata").flatMap(node -> node.asMap(problems, "metadata of " + sli)).ifPresent(m -> Metadata.read(m, false));
            Optional<YamlNode> sliSpec = map.require("spec");
            map.rejectUnknownFields();
            return sliSpec.flatMap(node -> node.asMap(problems, "spec of " + sli)).flatMap(s -> Indicators.read(s, sli));
        });
    }

    private static Optional<SloWindow> window(YamlMap spec, String slo, Problems problems) {
        Optional<YamlNode> timeWindow = spec.get("timeWindow");
        if (timeWindow.isEmpty()) {
            // optional in OpenSLO, but budgets and alert thresholds are meaningless without one
            problems.error(spec.location(), spec.what() + " needs a timeWindow, e.g. [{duration: 28d, isRolling: true}]");
            return Optional.empty();
        }
        return TimeWindows.read(timeWindow.get(), slo, problems);
    }
}
