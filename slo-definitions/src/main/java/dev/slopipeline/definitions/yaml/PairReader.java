package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;
import dev.slopipeline.kit.yaml.Suggestions;

import dev.slopipeline.definitions.model.PairOverride;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.policy.BurnRatePolicy;
import dev.slopipeline.definitions.policy.BurnRatePolicy.PairTemplate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads one alert pair under {@code alerting.pairs}: a change to a default pair, or a new pair. */
final class PairReader {

    private static final List<String> NEW_PAIR_FIELDS = List.of("severity", "longWindow", "shortWindow", "budgetPercent");

    private PairReader() {
    }

    static Optional<PairOverride> read(String name, YamlMap pair, SourceLocation keyAt, Problems problems,
            Map<String, SourceLocation> fields) {
        int errorsBefore = problems.errorCount();
        Optional<Boolean> enabled = pair.get("enabled").flatMap(n -> n.asBoolean(problems, pair.describe("enabled")));
        Optional<Severity> severity = pair.get("severity").flatMap(n -> severity(n, pair, problems));
        Optional<Duration> longWindow = window(name, "longWindow", pair, problems, fields);
        Optional<Duration> shortWindow = window(name, "shortWindow", pair, problems, fields);
        OptionalDouble budgetPercent = budgetPercent(pair, problems);
        pair.rejectUnknownFields();
        if (!defaultPairNames().contains(name)) {
            checkNewPair(name, pair, enabled, keyAt, problems);
        }
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new PairOverride(enabled, severity, longWindow, shortWindow, budgetPercent));
    }

    private static void checkNewPair(String name, YamlMap pair, Optional<Boolean> enabled, SourceLocation keyAt,
            Problems problems) {
        String orDefault = Suggestions.closest(name, defaultPairNames())
                .map(s -> " (or did you mean the default pair \"" + s + "\"?)")
                .orElse("");
        if (enabled.equals(Optional.of(false))) {
            problems.error(keyAt, "there is no default pair \"" + name + "\" to switch off" + orDefault
                    + "; the default pairs are " + String.join(", ", defaultPairNames()));
            return;
        }
        List<String> missing = NEW_PAIR_FIELDS.stream().filter(field -> !pair.has(field)).toList();
        if (!missing.isEmpty()) {
            problems.error(keyAt, "new pair \"" + name + "\" needs severity, longWindow, shortWindow and budgetPercent; missing: "
                    + String.join(", ", missing) + orDefault);
        }
    }

    private static Optional<Severity> severity(YamlNode node, YamlMap pair, Problems problems) {
        Optional<String> text = node.asString(problems, pair.describe("severity"));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = Arrays.stream(Severity.values()).map(Severity::wireName).toList();
        if (!names.contains(text.get())) {
            String hint = Suggestions.closest(text.get(), names).map(s -> "; did you mean \"" + s + "\"?")
                    .orElse("; use page, ticket or notify");
            problems.error(node.location(), "unknown severity \"" + text.get() + "\"" + hint);
            return Optional.empty();
        }
        return Optional.of(Severity.fromWire(text.get()));
    }

    private static Optional<Duration> window(String pairName, String field, YamlMap pair, Problems problems,
            Map<String, SourceLocation> fields) {
        Optional<YamlNode> node = pair.get(field);
        node.ifPresent(n -> fields.put(FieldPaths.pairField(pairName, field), n.location()));
        return node.flatMap(n -> DurationReader.read(n, pair.describe(field), problems));
    }

    private static OptionalDouble budgetPercent(YamlMap pair, Problems problems) {
        Optional<YamlNode> node = pair.get("budgetPercent");
        OptionalDouble percent = node.map(n -> n.asNumber(problems, pair.describe("budgetPercent"))).orElse(OptionalDouble.empty());
        if (percent.isPresent() && !(percent.getAsDouble() > 0 && percent.getAsDouble() <= 100)) {
            problems.error(node.get().location(), "budgetPercent must be above 0 and at most 100 (the percent of the "
                    + "window's error budget spent when the pair fires), got " + node.get().scalarText().orElseThrow());
            return OptionalDouble.empty();
        }
        return percent;
    }

    private static List<String> defaultPairNames() {
        return BurnRatePolicy.DEFAULT_PAIRS.stream().map(PairTemplate::name).toList();
    }
}
