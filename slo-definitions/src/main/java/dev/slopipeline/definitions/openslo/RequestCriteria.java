package dev.slopipeline.definitions.openslo;

import dev.slopipeline.definitions.model.StatusRule;
import dev.slopipeline.definitions.yaml.GoodReader;
import dev.slopipeline.definitions.yaml.GoodReader.Good;
import dev.slopipeline.definitions.yaml.GoodReader.StatusWords;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlMap;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Good or bad criteria for request events, always turned into our model's good criteria. Good criteria
 * are written as in our language. Bad criteria are accepted only where their negation is exact:
 * {@code atLeast: N} is good {@code below: N}, {@code in} is good {@code notIn} and back,
 * {@code latency_ms: {above: X}} is good {@code atMost: X}.
 */
final class RequestCriteria {

    private static final StatusWords BAD =
            new StatusWords("atLeast", StatusRule.Below::new, StatusRule.NoneOf::new, StatusRule.AnyOf::new);

    private RequestCriteria() {
    }

    static Optional<Good> good(YamlMap spec) {
        if (!spec.has("status") && !spec.has("latency_ms")) {
            spec.problems().error(spec.location(), spec.what() + " needs status, latency_ms or both: they say which of the "
                    + "selected events are good");
            return Optional.empty();
        }
        return GoodReader.criteria(spec);
    }

    static Optional<Good> bad(YamlMap spec) {
        Problems problems = spec.problems();
        boolean hasStatus = spec.has("status");
        boolean hasLatency = spec.has("latency_ms");
        if (hasStatus && hasLatency) {
            problems.error(spec.keyLocation("latency_ms"), "bad can name one criterion, status or latency_ms: to combine them, "
                    + "describe the good events instead (good: {status: {below: 500}, latency_ms: {atMost: 1000}})");
            return Optional.empty();
        }
        if (!hasStatus && !hasLatency) {
            problems.error(spec.location(), spec.what() + " needs status or latency_ms: they say which of the selected events are bad");
            return Optional.empty();
        }
        if (hasStatus) {
            return spec.get("status").flatMap(node -> node.asMap(problems, "status"))
                    .flatMap(RequestCriteria::badStatus)
                    .map(rule -> new Good(rule, OptionalDouble.empty()));
        }
        return spec.get("latency_ms").flatMap(node -> node.asMap(problems, "latency_ms")).flatMap(map -> {
            if (map.has("atMost")) {
                problems.error(map.keyLocation("atMost"), "bad latency_ms {atMost: X} has no exact equivalent: slo-pipeline bounds "
                        + "the latency of good events; write bad: {latency_ms: {above: X}} or good: {latency_ms: {atMost: X}}");
                return Optional.empty();
            }
            OptionalDouble above = GoodReader.latencyBound(map, "above",
                    "the latency in milliseconds above which an event is bad, e.g. {above: 800}");
            return above.isPresent() ? Optional.of(new Good(null, above)) : Optional.empty();
        });
    }

    private static Optional<StatusRule> badStatus(YamlMap status) {
        if (status.has("below")) {
            status.problems().error(status.keyLocation("below"), "bad status {below: N} has no exact equivalent: slo-pipeline's "
                    + "good criteria cannot say \"at least N\"; list the codes with in or notIn instead");
            return Optional.empty();
        }
        return GoodReader.statusRule(status, BAD);
    }
}
