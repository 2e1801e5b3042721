package dev.slopipeline.definitions.yaml;

import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.Indicator.WarnCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads an SLO's {@code indicator}: which events belong to the journey, and which of them are good. */
final class IndicatorReader {

    /** Which event topic the indicator reads; request and health events have different fields. */
    enum Source {
        REQUESTS, HEALTH;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private IndicatorReader() {
    }

    static Optional<Indicator> read(YamlMap indicator, Problems problems) {
        int errorsBefore = problems.errorCount();
        Optional<Source> source = source(indicator, problems);
        Optional<List<EventMatcher>> match = match(indicator, source, problems);
        // both are known fields whatever the source; which one is allowed depends on it
        Optional<YamlNode> good = indicator.get("good");
        Optional<YamlNode> warn = indicator.get("warn");
        Optional<Indicator> result = source.flatMap(s -> switch (s) {
            case REQUESTS -> requests(indicator, match, warn, problems);
            case HEALTH -> health(indicator, match, good, warn, problems);
        });
        indicator.rejectUnknownFields();
        return problems.errorCount() > errorsBefore ? Optional.empty() : result;
    }

    /** Requests unless said otherwise; empty when the source is unknown. */
    private static Optional<Source> source(YamlMap indicator, Problems problems) {
        Optional<YamlNode> node = indicator.get("source");
        if (node.isEmpty()) {
            return Optional.of(Source.REQUESTS);
        }
        Optional<String> text = node.get().asString(problems, indicator.describe("source"));
        Optional<Source> source = text.flatMap(t -> Arrays.stream(Source.values()).filter(s -> s.wireName().equals(t)).findFirst());
        if (text.isPresent() && source.isEmpty()) {
            List<String> names = Arrays.stream(Source.values()).map(Source::wireName).toList();
            String hint = Suggestions.closest(text.get(), names).map(s -> "; did you mean \"" + s + "\"?")
                    .orElse("; use requests (request events) or health (synthetic probes)");
            problems.error(node.get().location(), "unknown indicator source \"" + text.get() + "\"" + hint);
        }
        return source;
    }

    private static Optional<List<EventMatcher>> match(YamlMap indicator, Optional<Source> source, Problems problems) {
        Optional<YamlNode> node = indicator.require("match",
                "list the events of the journey, e.g. match: [{service: checkout-api, operation: \"POST /checkout\"}]");
        Optional<List<YamlNode>> entries = node.flatMap(n -> n.asList(problems, indicator.describe("match")));
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        if (entries.get().isEmpty()) {
            problems.error(node.get().location(), "match must list at least one event selector, "
                    + "e.g. - {service: checkout-api, operation: \"POST /checkout\"}");
            return Optional.empty();
        }
        List<EventMatcher> matchers = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < entries.get().size(); i++) {
            Optional<EventMatcher> matcher = entries.get().get(i).asMap(problems, "match entry " + (i + 1))
                    .flatMap(entry -> MatchReader.read(entry, source, problems));
            matcher.ifPresent(matchers::add);
            complete &= matcher.isPresent();
        }
        return complete ? Optional.of(matchers) : Optional.empty();
    }

    private static Optional<Indicator> requests(YamlMap indicator, Optional<List<EventMatcher>> match,
            Optional<YamlNode> warn, Problems problems) {
        if (warn.isPresent()) {
            problems.error(indicator.keyLocation("warn"),
                    "\"warn\" is for source health; a requests indicator judges events by \"good\"");
        }
        Optional<GoodReader.Good> good = indicator.require("good",
                        "a requests indicator needs a status rule, a latency bound or both, e.g. good: {status: {below: 500}}")
                .flatMap(node -> node.asMap(problems, "good"))
                .flatMap(map -> GoodReader.read(map, problems));
        if (match.isEmpty() || good.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Indicator.Requests(match.get(), good.get().status(), good.get().latencyAtMostMs()));
    }

    private static Optional<Indicator> health(YamlMap indicator, Optional<List<EventMatcher>> match,
            Optional<YamlNode> good, Optional<YamlNode> warn, Problems problems) {
        if (good.isPresent()) {
            problems.error(indicator.keyLocation("good"), "\"good\" is for source requests; a health indicator counts "
                    + "pass as good and fail as bad, and warn as \"warn\" says (good, bad or ignored)");
        }
        Optional<WarnCounts> warnCounts = warn.isEmpty()
                ? Optional.of(WarnCounts.GOOD)
                : warnCounts(warn.get(), indicator, problems);
        if (match.isEmpty() || warnCounts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Indicator.Health(match.get(), warnCounts.get()));
    }

    private static Optional<WarnCounts> warnCounts(YamlNode node, YamlMap indicator, Problems problems) {
        Optional<String> text = node.asString(problems, indicator.describe("warn"));
        Optional<WarnCounts> counts = text.flatMap(t -> Arrays.stream(WarnCounts.values())
                .filter(w -> w.name().toLowerCase(Locale.ROOT).equals(t)).findFirst());
        if (text.isPresent() && counts.isEmpty()) {
            problems.error(node.location(), "warn must be good, bad or ignored, got \"" + text.get() + "\"");
        }
        return counts;
    }
}
