package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.Suggestions;

import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.Indicator.WarnCounts;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads an SLO's {@code indicator}: which events belong to the journey, and which of them are good. */
final class IndicatorReader {

    private IndicatorReader() {
    }

    static Optional<Indicator> read(YamlMap indicator, Problems problems) {
        int errorsBefore = problems.errorCount();
        Optional<IndicatorSource> source = source(indicator, problems);
        Optional<List<EventMatcher>> match = MatchReader.read(indicator, source);
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
    private static Optional<IndicatorSource> source(YamlMap indicator, Problems problems) {
        Optional<YamlNode> node = indicator.get("source");
        if (node.isEmpty()) {
            return Optional.of(IndicatorSource.REQUESTS);
        }
        Optional<String> text = node.get().asString(problems, indicator.describe("source"));
        Optional<IndicatorSource> source = text.flatMap(IndicatorSource::fromWireName);
        if (text.isPresent() && source.isEmpty()) {
            String hint = Suggestions.closest(text.get(), IndicatorSource.wireNames()).map(s -> "; did you mean \"" + s + "\"?")
                    .orElse("; use requests (request events) or health (synthetic probes)");
            problems.error(node.get().location(), "unknown indicator source \"" + text.get() + "\"" + hint);
        }
        return source;
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
                .flatMap(GoodReader::read);
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
