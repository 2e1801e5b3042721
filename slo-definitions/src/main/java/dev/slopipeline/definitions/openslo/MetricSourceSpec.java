package dev.slopipeline.definitions.openslo;

import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.Indicator.WarnCounts;
import dev.slopipeline.definitions.yaml.GoodReader.Good;
import dev.slopipeline.definitions.yaml.IndicatorSource;
import dev.slopipeline.definitions.yaml.MatchReader;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code spec} of a {@code type: slo-pipeline} metric source. {@code source} and {@code match} select
 * the journey's events; under {@code good} or {@code bad} they are followed by the criteria that pick
 * the good or bad ones among them.
 */
final class MetricSourceSpec {

    private static final List<String> CRITERIA = List.of("status", "latency_ms");

    private MetricSourceSpec() {
    }

    /** Which events a metric source counts, before any good or bad criteria. */
    record Selection(IndicatorSource source, List<EventMatcher> match) {
        static Selection of(Indicator indicator) {
            return new Selection(indicator instanceof Indicator.Health ? IndicatorSource.HEALTH : IndicatorSource.REQUESTS,
                    indicator.match());
        }
    }

    static Optional<Selection> readTotal(YamlMap spec) {
        Optional<IndicatorSource> source = source(spec);
        Optional<List<EventMatcher>> match = source.flatMap(s -> MatchReader.read(spec, Optional.of(s)));
        for (String criterion : CRITERIA) {
            if (spec.has(criterion)) {
                spec.problems().error(spec.keyLocation(criterion), "total selects the journey's events and takes no criteria: "
                        + "move \"" + criterion + "\" to good (or bad)");
            }
        }
        spec.rejectUnknownFields();
        return match.map(m -> new Selection(source.get(), m));
    }

    static Optional<Indicator> readGood(YamlMap spec) {
        return read(spec, true);
    }

    static Optional<Indicator> readBad(YamlMap spec) {
        return read(spec, false);
    }

    private static Optional<Indicator> read(YamlMap spec, boolean good) {
        Optional<IndicatorSource> source = source(spec);
        Optional<Indicator> indicator = source.flatMap(s -> {
            Optional<List<EventMatcher>> match = MatchReader.read(spec, Optional.of(s));
            if (s == IndicatorSource.HEALTH) {
                Optional<WarnCounts> warn = warnCounts(spec, good);
                return match.flatMap(m -> warn.map(w -> new Indicator.Health(m, w)));
            }
            Optional<Good> criteria = good ? RequestCriteria.good(spec) : RequestCriteria.bad(spec);
            return match.flatMap(m -> criteria.map(c -> new Indicator.Requests(m, c.status(), c.latencyAtMostMs())));
        });
        spec.rejectUnknownFields();
        return indicator;
    }

    /** {@code source}: requests (the default, as in our language) or health. */
    private static Optional<IndicatorSource> source(YamlMap spec) {
        String written = spec.string("source").orElse(IndicatorSource.REQUESTS.wireName());
        Optional<IndicatorSource> source = IndicatorSource.fromWireName(written);
        if (source.isPresent()) {
            return source;
        }
        spec.problems().error(spec.get("source").orElseThrow().location(),
                spec.describe("source") + " must be requests or health, got \"" + written + "\"");
        // the fields below depend on the source and cannot be read without it; they are not unknown
        spec.get("match");
        CRITERIA.forEach(spec::get);
        return Optional.empty();
    }

    /**
     * Probe results: pass is always good and fail always bad, so the only choice is warn. Under good,
     * {@code status: pass} makes warn bad and {@code [pass, warn]} good; under bad, {@code status: fail}
     * makes warn good and {@code [fail, warn]} bad. Without status, warn is good, as in our language.
     */
    private static Optional<WarnCounts> warnCounts(YamlMap spec, boolean good) {
        Optional<YamlNode> status = spec.get("status");
        if (status.isEmpty()) {
            return Optional.of(WarnCounts.GOOD);
        }
        Optional<Set<String>> results = results(status.get(), spec.describe("status"), spec.problems());
        if (results.isEmpty()) {
            return Optional.empty();
        }
        String counted = good ? "pass" : "fail";
        if (!Set.of(counted).equals(results.get()) && !Set.of(counted, "warn").equals(results.get())) {
            spec.problems().error(status.get().location(), spec.describe("status") + " must be " + counted + ", or ["
                    + counted + ", warn] to count warn as " + (good ? "good" : "bad") + ", got " + results.get());
            return Optional.empty();
        }
        boolean warnCounted = results.get().contains("warn");
        return Optional.of(warnCounted == good ? WarnCounts.GOOD : WarnCounts.BAD);
    }

    private static Optional<Set<String>> results(YamlNode status, String what, Problems problems) {
        if (status.isScalar()) {
            return status.asString(problems, what).map(Set::of);
        }
        int errorsBefore = problems.errorCount();
        Set<String> results = new LinkedHashSet<>();
        for (YamlNode item : status.asList(problems, what).orElse(List.of())) {
            item.asString(problems, "an item of " + what).ifPresent(results::add);
        }
        return problems.errorCount() > errorsBefore ? Optional.empty() : Optional.of(results);
    }
}
