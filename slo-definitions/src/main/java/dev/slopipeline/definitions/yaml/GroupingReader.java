package dev.slopipeline.definitions.yaml;

import dev.slopipeline.definitions.alert.AlertLabels;
import dev.slopipeline.definitions.model.Grouping;
import dev.slopipeline.kit.yaml.Located;
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
 * a label the alerts or the metrics of every SLO already carry, are refused where they are written. A translator
 * from another language checks what it read with {@link #checkedFields} and {@link #checkedMaxSeries}.
 */
public final class GroupingReader {

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
        Optional<List<YamlNode>> items = node.asList(problems, spec.describe("groupBy")
                + " (event attributes, service or operation, e.g. groupBy: [region])");
        if (items.isEmpty()) {
            return List.of();
        }
        List<Located<String>> written = new ArrayList<>();
        for (YamlNode item : items.get()) {
            item.asString(problems, "each entry of groupBy").ifPresent(field -> written.add(new Located<>(field, item.location())));
        }
        // entries that are not strings have been reported: the list is not empty for that
        return written.isEmpty() && !items.get().isEmpty() ? List.of() : checkedFields(written, node.location(), sloLabels, problems);
    }

    /**
     * The fields as written, each mistake reported where it was written and the field left out.
     *
     * @param at where the list was written, for an empty one
     */
    public static List<String> checkedFields(List<Located<String>> written, SourceLocation at, Map<String, String> sloLabels,
                                             Problems problems) {
        List<String> fields = new ArrayList<>();
        if (written.isEmpty()) {
            problems.error(at, "groupBy is empty, which splits nothing: name event attributes, service or "
                    + "operation, e.g. groupBy: [region], or leave groupBy out");
        }
        Map<String, String> fieldOfLabel = new HashMap<>();
        for (Located<String> field : written) {
            SourceLocation where = field.location();
            String name = field.value();
            if (name.isBlank()) {
                problems.error(where, "an entry of groupBy is empty: name an event attribute, service or operation");
                continue;
            }
            String label = Grouping.labelOf(name);
            String earlier = fieldOfLabel.putIfAbsent(label, name);
            if (earlier != null) {
                problems.error(where, earlier.equals(name)
                        ? "groupBy names \"" + name + "\" twice"
                        : "groupBy fields \"" + earlier + "\" and \"" + name + "\" both become the label \"" + label
                                + "\"; keep one of them");
                continue;
            }
            if (TAKEN.contains(label) || label.startsWith("__")) {
                problems.error(where, "groupBy field \"" + name + "\" would become the label \"" + label
                        + "\", which every SLO alert or series already carries; split by another attribute");
                continue;
            }
            if (sloLabels.containsKey(label)) {
                problems.error(where, "groupBy field \"" + name + "\" would become the label \"" + label
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
        return maxSeries.isPresent() ? checkedMaxSeries(maxSeries.getAsLong(), node.get().location(), problems) : maxSeries;
    }

    /** The limit as written, or empty with the mistake reported when it is out of range. */
    public static OptionalLong checkedMaxSeries(long maxSeries, SourceLocation at, Problems problems) {
        if (maxSeries < 1 || maxSeries > MAX_SERIES_LIMIT) {
            problems.error(at, "maxSeries must be 1 to " + MAX_SERIES_LIMIT + " (how many distinct "
                    + "combinations of the groupBy values get a series of their own), got " + maxSeries);
            return OptionalLong.empty();
        }
        return OptionalLong.of(maxSeries);
    }
}
