package dev.slopipeline.definitions.openslo;

import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.openslo.MetricSourceSpec.Selection;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import java.util.List;
import java.util.Optional;

/**
 * The spec of an OpenSLO SLI, standalone or inline, to our {@link Indicator}. Only a {@code ratioMetric}
 * of {@code good} (or {@code bad}) over {@code total} fits: our indicators judge each event good or bad,
 * and both sides must read our own event stream ({@code type: slo-pipeline}).
 */
final class Indicators {

    static final String TYPE = "slo-pipeline";

    private Indicators() {
    }

    /** @param sli how messages name the SLI: {@code SLI "checkout-requests"} or {@code the indicator of SLO "checkout"} */
    static Optional<Indicator> read(YamlMap spec, String sli) {
        Problems problems = spec.problems();
        spec.string("description");
        if (spec.has("thresholdMetric")) {
            problems.error(spec.keyLocation("thresholdMetric"), "thresholdMetric is not supported: slo-pipeline judges each event "
                    + "good or bad, so an SLI needs a ratioMetric with good (or bad) and total (see OPENSLO.md)");
            spec.get("ratioMetric");
            spec.rejectUnknownFields();
            return Optional.empty();
        }
        Optional<Indicator> indicator = spec.require("ratioMetric")
                .flatMap(node -> node.asMap(problems, "ratioMetric of " + sli))
                .flatMap(ratio -> ratio(ratio, sli));
        spec.rejectUnknownFields();
        return indicator;
    }

    private static Optional<Indicator> ratio(YamlMap ratio, String sli) {
        Problems problems = ratio.problems();
        // whether the source is a counter matters to metric stores; events are always counted
        ratio.get("counter").ifPresent(node -> node.asBoolean(problems, ratio.describe("counter")));
        for (String field : List.of("raw", "rawType")) {
            if (ratio.has(field)) {
                problems.error(ratio.keyLocation(field), "raw ratios are not supported: slo-pipeline counts good and total "
                        + "events itself; use good (or bad) and total");
                return Optional.empty();
            }
        }
        Optional<YamlNode> good = ratio.get("good");
        Optional<YamlNode> bad = ratio.get("bad");
        Optional<YamlNode> total = ratio.require("total");
        ratio.rejectUnknownFields();
        if (good.isPresent() && bad.isPresent()) {
            problems.error(ratio.keyLocation("bad"), ratio.what() + " has both good and bad: write one of them "
                    + "(bad: {status: {atLeast: 500}} is good: {status: {below: 500}})");
            return Optional.empty();
        }
        if (good.isEmpty() && bad.isEmpty()) {
            problems.error(ratio.location(), ratio.what() + " needs good (or bad) next to total");
            return Optional.empty();
        }
        String role = good.isPresent() ? "good" : "bad";
        Optional<Indicator> counted = metricSourceSpec(good.or(() -> bad).orElseThrow(), role, sli, problems)
                .flatMap(good.isPresent() ? MetricSourceSpec::readGood : MetricSourceSpec::readBad);
        Optional<Selection> all = total.flatMap(node -> metricSourceSpec(node, "total", sli, problems)).flatMap(MetricSourceSpec::readTotal);
        if (counted.isEmpty() || all.isEmpty()) {
            return Optional.empty();
        }
        if (!Selection.of(counted.get()).equals(all.get())) {
            problems.error(ratio.keyLocation(role), role + " and total must select the same events: write the same source and "
                    + "match under both; only " + role + " adds status or latency_ms");
            return Optional.empty();
        }
        return counted;
    }

    private static Optional<YamlMap> metricSourceSpec(YamlNode side, String role, String sli, Problems problems) {
        return side.asMap(problems, role + " of " + sli).flatMap(map -> {
            Optional<YamlMap> metricSource = map.require("metricSource")
                    .flatMap(node -> node.asMap(problems, "metricSource of " + role + " in " + sli));
            map.rejectUnknownFields();
            return metricSource.flatMap(source -> ownSpec(source, "spec of the " + role + " metricSource of " + sli));
        });
    }

    private static Optional<YamlMap> ownSpec(YamlMap metricSource, String what) {
        Problems problems = metricSource.problems();
        Optional<String> ref = metricSource.string("metricSourceRef");
        Optional<String> type = metricSource.string("type");
        Optional<YamlNode> spec = metricSource.get("spec");
        metricSource.rejectUnknownFields();
        if (ref.isPresent()) {
            problems.error(metricSource.get("metricSourceRef").orElseThrow().location(), "metricSourceRef \"" + ref.get()
                    + "\" is not supported: slo-pipeline evaluates its own event stream and reads no data sources; "
                    + "use type: " + TYPE + " (see OPENSLO.md)");
            return Optional.empty();
        }
        if (!metricSource.has("type")) {
            problems.error(metricSource.location(), metricSource.what() + " needs type: " + TYPE + " (see OPENSLO.md)");
            return Optional.empty();
        }
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (!type.get().equals(TYPE)) {
            problems.error(metricSource.get("type").orElseThrow().location(), "metricSource type \"" + type.get()
                    + "\" is not supported: slo-pipeline evaluates its own event stream; use type: " + TYPE + " (see OPENSLO.md)");
            return Optional.empty();
        }
        if (spec.isEmpty()) {
            problems.error(metricSource.location(), metricSource.what() + " is missing the required field \"spec\"");
        }
        return spec.flatMap(node -> node.asMap(problems, what));
    }
}
