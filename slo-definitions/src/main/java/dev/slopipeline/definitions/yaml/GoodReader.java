package dev.slopipeline.definitions.yaml;

import dev.slopipeline.definitions.model.StatusRule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/** Reads a requests indicator's {@code good}: the status rule and latency bound that make an event good. */
final class GoodReader {

    private static final int LOWEST_STATUS = 100;
    private static final int HIGHEST_STATUS = 599;

    /** @param status null when only latency counts */
    record Good(StatusRule status, OptionalDouble latencyAtMostMs) {
    }

    private GoodReader() {
    }

    static Optional<Good> read(YamlMap good, Problems problems) {
        int errorsBefore = problems.errorCount();
        Optional<StatusRule> status = good.get("status")
                .flatMap(node -> node.asMap(problems, "status"))
                .flatMap(map -> statusRule(map, problems));
        OptionalDouble latency = good.get("latency_ms")
                .flatMap(node -> node.asMap(problems, "latency_ms"))
                .map(map -> latencyBound(map, problems))
                .orElse(OptionalDouble.empty());
        good.rejectUnknownFields();
        // a misspelt field has been reported already; saying that nothing is there would repeat it
        if (problems.errorCount() == errorsBefore && !good.has("status") && !good.has("latency_ms")) {
            problems.error(good.location(), "good needs a status rule, a latency bound or both, "
                    + "e.g. {status: {below: 500}} or {latency_ms: {atMost: 300}}");
        }
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Good(status.orElse(null), latency));
    }

    private static Optional<StatusRule> statusRule(YamlMap status, Problems problems) {
        List<String> rules = Stream.of("below", "in", "notIn").filter(status::has).toList();
        int errorsBefore = problems.errorCount();
        status.rejectUnknownFields();
        if (rules.isEmpty() && problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        if (rules.isEmpty()) {
            problems.error(status.location(), "status needs one of below, in or notIn, e.g. {below: 500}");
            return Optional.empty();
        }
        if (rules.size() > 1) {
            problems.error(status.keyLocation(rules.get(1)), "status must use only one of below, in or notIn, got "
                    + String.join(" and ", rules));
            return Optional.empty();
        }
        YamlNode value = status.get(rules.get(0)).orElseThrow();
        return switch (rules.get(0)) {
            case "below" -> {
                OptionalInt bound = code(value, status.describe("below"), problems);
                yield bound.isPresent() ? Optional.of(new StatusRule.Below(bound.getAsInt())) : Optional.empty();
            }
            case "in" -> codes(value, status, "in", problems).map(StatusRule.AnyOf::new);
            default -> codes(value, status, "notIn", problems).map(StatusRule.NoneOf::new);
        };
    }

    private static Optional<Set<Integer>> codes(YamlNode node, YamlMap status, String field, Problems problems) {
        Optional<List<YamlNode>> items = node.asList(problems, status.describe(field));
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            problems.error(node.location(), "\"" + field + "\" must list at least one status code, e.g. " + field + ": [200, 204]");
            return Optional.empty();
        }
        Set<Integer> codes = new LinkedHashSet<>();
        boolean complete = true;
        for (YamlNode item : items.get()) {
            OptionalInt code = code(item, "a status code in " + status.describe(field), problems);
            code.ifPresent(codes::add);
            complete &= code.isPresent();
        }
        return complete ? Optional.of(codes) : Optional.empty();
    }

    private static OptionalInt code(YamlNode node, String what, Problems problems) {
        OptionalLong code = node.asInteger(problems, what);
        if (code.isEmpty()) {
            return OptionalInt.empty();
        }
        if (code.getAsLong() < LOWEST_STATUS || code.getAsLong() > HIGHEST_STATUS) {
            problems.error(node.location(), "status codes run from 100 to 599, got " + code.getAsLong());
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) code.getAsLong());
    }

    private static OptionalDouble latencyBound(YamlMap latency, Problems problems) {
        Optional<YamlNode> node = latency.require("atMost", "the slowest good response in milliseconds, e.g. {atMost: 300}");
        latency.rejectUnknownFields();
        OptionalDouble atMost = node.map(n -> n.asNumber(problems, latency.describe("atMost"))).orElse(OptionalDouble.empty());
        if (atMost.isPresent() && atMost.getAsDouble() <= 0) {
            problems.error(node.get().location(), "atMost must be above 0 milliseconds, got " + node.get().scalarText().orElseThrow());
            return OptionalDouble.empty();
        }
        return atMost;
    }
}
