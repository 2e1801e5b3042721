package dev.slopipeline.definitions.openslo;

import dev.slopipeline.definitions.model.StatusRule;
import dev.slopipeline.definitions.yaml.Problems;
import dev.slopipeline.definitions.yaml.YamlMap;
import dev.slopipeline.definitions.yaml.YamlNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Good or bad criteria for request events, always turned into our model's good criteria. Bad criteria
 * are accepted only where their negation is exact: {@code atLeast: N} is good {@code below: N},
 * {@code in} is good {@code notIn} and back, {@code latency_ms: {above: X}} is good {@code atMost: X}.
 *
 * @param status null when only latency counts
 */
record RequestCriteria(StatusRule status, OptionalDouble latencyAtMostMs) {

    static Optional<RequestCriteria> good(YamlMap spec) {
        Problems problems = spec.problems();
        int errorsBefore = problems.errorCount();
        Optional<StatusRule> rule = spec.get("status").flatMap(node -> node.asMap(problems, spec.describe("status")))
                .flatMap(map -> goodStatus(map, problems));
        OptionalDouble atMost = spec.get("latency_ms").flatMap(node -> node.asMap(problems, spec.describe("latency_ms")))
                .map(map -> milliseconds(map, "atMost", problems)).orElse(OptionalDouble.empty());
        if (!spec.has("status") && !spec.has("latency_ms")) {
            problems.error(spec.location(), spec.what() + " needs status, latency_ms or both: they say which of the "
                    + "selected events are good");
        }
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new RequestCriteria(rule.orElse(null), atMost));
    }

    static Optional<RequestCriteria> bad(YamlMap spec) {
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
            return spec.get("status").flatMap(node -> node.asMap(problems, spec.describe("status")))
                    .flatMap(map -> badStatus(map, problems))
                    .map(rule -> new RequestCriteria(rule, OptionalDouble.empty()));
        }
        return spec.get("latency_ms").flatMap(node -> node.asMap(problems, spec.describe("latency_ms"))).flatMap(map -> {
            if (map.has("atMost")) {
                problems.error(map.keyLocation("atMost"), "bad latency_ms {atMost: X} has no exact equivalent: slo-pipeline bounds "
                        + "the latency of good events; write bad: {latency_ms: {above: X}} or good: {latency_ms: {atMost: X}}");
                return Optional.empty();
            }
            OptionalDouble above = milliseconds(map, "above", problems);
            return above.isPresent() ? Optional.of(new RequestCriteria(null, above)) : Optional.empty();
        });
    }

    private static Optional<StatusRule> goodStatus(YamlMap status, Problems problems) {
        return oneOf(status, List.of("below", "in", "notIn"), problems).flatMap(choice -> switch (choice) {
            case "below" -> code(status.get(choice).orElseThrow(), status.describe(choice), problems).map(StatusRule.Below::new);
            case "in" -> codes(status, choice, problems).map(StatusRule.AnyOf::new);
            default -> codes(status, choice, problems).map(StatusRule.NoneOf::new);
        });
    }

    private static Optional<StatusRule> badStatus(YamlMap status, Problems problems) {
        if (status.has("below")) {
            problems.error(status.keyLocation("below"), "bad status {below: N} has no exact equivalent: slo-pipeline's good "
                    + "criteria cannot say \"at least N\"; list the codes with in or notIn instead");
            return Optional.empty();
        }
        return oneOf(status, List.of("atLeast", "in", "notIn"), problems).flatMap(choice -> switch (choice) {
            case "atLeast" -> code(status.get(choice).orElseThrow(), status.describe(choice), problems).map(StatusRule.Below::new);
            case "in" -> codes(status, choice, problems).map(StatusRule.NoneOf::new);
            default -> codes(status, choice, problems).map(StatusRule.AnyOf::new);
        });
    }

    private static Optional<String> oneOf(YamlMap map, List<String> choices, Problems problems) {
        List<String> written = choices.stream().filter(map::has).toList();
        map.rejectUnknownFields();
        if (written.size() != 1) {
            problems.error(map.location(), map.what() + " needs exactly one of " + choices.get(0) + ", " + choices.get(1)
                    + " or " + choices.get(2) + ", got " + (written.isEmpty() ? "none" : String.join(" and ", written)));
            return Optional.empty();
        }
        return Optional.of(written.get(0));
    }

    private static Optional<Set<Integer>> codes(YamlMap status, String field, Problems problems) {
        YamlNode list = status.get(field).orElseThrow();
        Optional<List<YamlNode>> items = list.asList(problems, status.describe(field));
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            problems.error(list.location(), status.describe(field) + " is empty: list at least one status code");
            return Optional.empty();
        }
        Set<Integer> codes = new LinkedHashSet<>();
        for (YamlNode item : items.get()) {
            code(item, "an item of " + status.describe(field), problems).ifPresent(codes::add);
        }
        return codes.size() == items.get().size() ? Optional.of(codes) : Optional.empty();
    }

    private static Optional<Integer> code(YamlNode node, String what, Problems problems) {
        OptionalLong code = node.asInteger(problems, what);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        if (code.getAsLong() < 100 || code.getAsLong() > 599) {
            problems.error(node.location(), what + " must be a status code from 100 to 599, got " + code.getAsLong());
            return Optional.empty();
        }
        return Optional.of((int) code.getAsLong());
    }

    private static OptionalDouble milliseconds(YamlMap latency, String field, Problems problems) {
        Optional<YamlNode> value = latency.require(field);
        latency.rejectUnknownFields();
        if (value.isEmpty()) {
            return OptionalDouble.empty();
        }
        OptionalDouble ms = value.get().asNumber(problems, latency.describe(field));
        if (ms.isPresent() && ms.getAsDouble() <= 0) {
            problems.error(value.get().location(), latency.describe(field) + " must be more than 0 milliseconds, got "
                    + value.get().scalarText().orElseThrow());
            return OptionalDouble.empty();
        }
        return ms;
    }
}
