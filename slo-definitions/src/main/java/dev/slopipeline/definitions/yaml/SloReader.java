package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;

import dev.slopipeline.definitions.model.AlertingSpec;
import dev.slopipeline.definitions.model.Budgeting;
import dev.slopipeline.definitions.model.Grouping;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.yaml.Declarations.ServiceReference;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads the spec of an {@code SLO} document; the indicator, window, budgeting, alerting and grouping have their own readers. */
final class SloReader {

    /**
     * @param slo empty when anything in the spec was wrong (each mistake reported)
     * @param service the service the spec names, whenever it could be read
     */
    record Read(Optional<Declared<SloDefinition>> slo, Optional<ServiceReference> service) {
    }

    private SloReader() {
    }

    static Read read(SourceLocation documentAt, Metadata metadata, YamlMap spec, Problems problems) {
        int errorsBefore = problems.errorCount();
        Map<String, SourceLocation> fields = new HashMap<>();
        fields.put(FieldPaths.NAME, metadata.nameAt());

        Optional<YamlNode> serviceNode = spec.require("service", "name the Service this SLO belongs to, e.g. service: storefront");
        serviceNode.ifPresent(node -> fields.put(FieldPaths.SERVICE, node.location()));
        Optional<String> service = serviceNode.flatMap(node -> node.asString(problems, spec.describe("service")));
        Optional<ServiceReference> reference =
                service.map(name -> new ServiceReference(metadata.name(), name, serviceNode.get().location()));
        Optional<String> journey = spec.string("journey");
        Optional<String> description = spec.string("description");
        Optional<Indicator> indicator = spec.require("indicator",
                        "which events count and which are good, e.g. indicator: {match: [{service: checkout-api}], good: {status: {below: 500}}}")
                .flatMap(node -> node.asMap(problems, "the indicator"))
                .flatMap(map -> IndicatorReader.read(map, problems));
        OptionalDouble objective = objective(spec, problems, fields);
        Optional<YamlNode> windowNode = spec.require("window", "e.g. window: 30d, or window: {calendar: month}");
        windowNode.ifPresent(node -> fields.put(FieldPaths.WINDOW, node.location()));
        Optional<SloWindow> window = windowNode.flatMap(node -> WindowReader.read(node, problems));
        // absent means the default; present but wrong means empty, with the mistake reported
        Optional<Budgeting> budgeting = spec.get("budgeting")
                .map(node -> BudgetingReader.read(node, problems))
                .orElseGet(() -> Optional.of(new Budgeting.Occurrences()));
        Optional<AlertingSpec> alerting = spec.get("alerting")
                .map(node -> node.asMap(problems, "alerting").flatMap(map -> AlertingReader.read(map, problems, fields)))
                .orElseGet(() -> Optional.of(AlertingSpec.defaults()));
        Optional<Grouping> grouping = GroupingReader.read(spec, metadata.labels(), problems);
        spec.rejectUnknownFields();
        if (problems.errorCount() > errorsBefore) {
            return new Read(Optional.empty(), reference);
        }
        SloDefinition slo = new SloDefinition(metadata.name(), metadata.labels(), description.orElse(null),
                service.orElseThrow(), journey.orElse(null), indicator.orElseThrow(), objective.orElseThrow(),
                window.orElseThrow(), budgeting.orElseThrow(), alerting.orElseThrow(), grouping.orElseThrow());
        return new Read(Optional.of(new Declared<>(slo, documentAt, fields)), reference);
    }

    private static OptionalDouble objective(YamlMap spec, Problems problems, Map<String, SourceLocation> fields) {
        Optional<YamlNode> node = spec.require("objective", "the target in percent, e.g. objective: 99.9");
        if (node.isEmpty()) {
            return OptionalDouble.empty();
        }
        SourceLocation at = node.get().location();
        fields.put(FieldPaths.OBJECTIVE, at);
        OptionalDouble objective = node.get().asNumber(problems, "objective (a percentage such as 99.9)");
        if (objective.isEmpty()) {
            return objective;
        }
        double value = objective.getAsDouble();
        String written = node.get().scalarText().orElseThrow();
        if (value == 100) {
            problems.error(at, "objective 100 leaves no error budget, so nothing could ever alert; use e.g. 99.99");
            return OptionalDouble.empty();
        }
        if (value <= 0 || value > 100) {
            problems.error(at, "objective must be above 0 and below 100 (a percentage such as 99.9), got " + written);
            return OptionalDouble.empty();
        }
        if (value < 1) {
            problems.warning(at, "objective " + written + " is a percentage, not a fraction: did you mean "
                    + Numbers.plain(value * 100, 6) + "?");
        }
        return objective;
    }
}
