package dev.slopipeline.definitions.yaml;

import dev.slopipeline.definitions.alert.AlertLabels;
import dev.slopipeline.definitions.model.Grouping;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads an SLO's {@code groupBy} and {@code maxSeries}: the fields that split it into series, and how many series it
 * may have. Each field becomes a label (see {@link Grouping#labelOf}), so two fields that become the same label, and
 * a label the alerts or the metrics of every SLO already carry, are refused where they are written.
 */
final class GroupingReader {

    /** Above this a split SLO costs more memory and changelog than a whole pipeline of unsplit ones. */
    static final int MAX_SERIES_LIMIT = 100_000;

    /** Labels every SLO alert or series already has: a split label must not take their place. */
    private static final Set<String> TAKEN = Set.of(AlertLabels.ALERTNAME, AlertLabels.SLO, AlertLabels.SERVICE,
            AlertLabels.JOURNEY, AlertLabels.SEVERITY, AlertLabels.OWNER, AlertLabels.TIER,
            "objective", "window", "outcome", "pair", "long_window", "short_window", "state", "instance", "job");

    private GroupingReader() {
    }

    /** Empty when anything was wrong (each mistake reported); {@link Grouping#none()} when neither field is written. */
    static Optional<Grouping> read(YamlMap spec, Map<String, String> sloLabels, Problems problems) {
        int errorsBefore = problems.errorCount();
        Optional<YamlNode> groupBy = spec.get("groupBy");
        List<String> fields = groupBy.map(node -> fields(node, spec, sloLabels, problems)).orElse(List.of());
        OptionalLong maxSeries = maxSeries(spec, problems);
        if (groupBy.isEmpty() && maxSeries.isPresent()) {
            problems.warning(spec.keyLocation("maxSeries"), "maxSeries has no effect without groupBy, "
                    + "the fields that split the SLO into series, e.g. groupBy: [region]");
        }
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Grouping(fields, (int) maxSeries.orElse(Grouping.DEFAULT_MAX_SERIES)));
    }

    private static List<String> fields(YamlNode node, YamlMap spec, Map<String, String> sloLabels, Problems problems) {
        List<String> fields = new ArrayList<>();
        Optional<List<YamlNode>> items = node.asList(problems, spec.describe("groupBy")
                + " (event attributes, service or operation, e.g. groupBy: [region])");
        if (items.isEmpty()) {
            return fields;
        }
        if (items.get().isEmpty()) {
            problems.error(node.location(), "groupBy is empty, which splits nothing: name event attributes, service or "
                    + "operation, e.g. groupBy: [region], or leave groupBy out");
        }
        Map<String, String> fieldOfLabel = new HashMap<>();
        for (YamlNode item : items.get()) {
            Optional<String> field = item.asString(problems, "each entry of groupBy");
            if (field.isEmpty()) {
                continue;
            }
            SourceLocation at = item.location();
            String name = field.get();
            if (name.isBlank()) {
                problems.error(at, "an entry of groupBy is empty: name an event attribute, service or operation");
                continue;
            }
            String label = Grouping.labelOf(name);
            String earlier = fieldOfLabel.putIfAbsent(label, name);
            if (earlier != null) {
                problems.error(at, earlier.equals(name)
                        ? "groupBy names \"" + name + "\" twice"
                        : "groupBy fields \"" + earlier + "\" and \"" + name + "\" both become the label \"" + label
                                + "\"; keep one of them");
                continue;
            }
            if (TAKEN.contains(label) || label.startsWith("__")) {
                problems.error(at, "groupBy field \"" + name + "\" would become the label \"" + label
                        + "\", which every SLO alert or series already carries; split by another attribute");
                continue;
            }
            if (sloLabels.containsKey(label)) {
                problems.error(at, "groupBy field \"" + name + "\" would become the label \"" + label
                        + "\", which metadata.labels already sets for the whole SLO; rename one of them");
                continue;
            }
            fields.add(name);
        }
        return fields;
    }

    private static OptionalLong maxSeries(YamlMap spec, Problems problems) {
        Optional<YamlNode> node = spec.get("maxSeries");
        OptionalLong maxSeries = node.map(n -> n.asInteger(problems, spec.describe("maxSeries"))).orElse(OptionalLong.empty());
        if (maxSeries.isPresent() && (maxSeries.getAsLong() < 1 || maxSeries.getAsLong() > MAX_SERIES_LIMIT)) {
            problems.error(node.get().location(), "maxSeries must be 1 to " + MAX_SERIES_LIMIT + " (how many distinct "
                    + "combinations of the groupBy values get a series of their own), got " + maxSeries.getAsLong());
            return OptionalLong.empty();
        }
        return maxSeries;
    }
}
