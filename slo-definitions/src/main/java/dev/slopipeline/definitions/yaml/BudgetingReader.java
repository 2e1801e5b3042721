package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.Suggestions;

import dev.slopipeline.definitions.model.Budgeting;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads an SLO's {@code budgeting}: {@code occurrences}, or {@code {method: timeslices, sliceTarget: P}}. */
final class BudgetingReader {

    private static final String OCCURRENCES = "occurrences";
    private static final String TIMESLICES = "timeslices";
    private static final String EXAMPLE = "{method: timeslices, sliceTarget: 95}";

    private BudgetingReader() {
    }

    static Optional<Budgeting> read(YamlNode node, Problems problems) {
        if (node.isMap()) {
            return method(node.asMap(problems, "budgeting").orElseThrow(), problems);
        }
        Optional<String> text = node.asString(problems, "budgeting (occurrences, or " + EXAMPLE + ")");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().equals(OCCURRENCES)) {
            return Optional.of(new Budgeting.Occurrences());
        }
        if (text.get().equals(TIMESLICES)) {
            problems.error(node.location(), "budgeting timeslices needs a sliceTarget: write budgeting: " + EXAMPLE);
        } else {
            reportUnknownMethod(node, text.get(), problems);
        }
        return Optional.empty();
    }

    private static Optional<Budgeting> method(YamlMap budgeting, Problems problems) {
        Optional<YamlNode> methodNode = budgeting.require("method", "occurrences or timeslices, e.g. " + EXAMPLE);
        Optional<String> method = methodNode.flatMap(n -> n.asString(problems, budgeting.describe("method")));
        Optional<YamlNode> targetNode = budgeting.get("sliceTarget");
        budgeting.rejectUnknownFields();
        if (method.isEmpty()) {
            return Optional.empty();
        }
        switch (method.get()) {
            case OCCURRENCES -> {
                if (targetNode.isPresent()) {
                    problems.error(budgeting.keyLocation("sliceTarget"), "sliceTarget only applies to method timeslices");
                    return Optional.empty();
                }
                return Optional.of(new Budgeting.Occurrences());
            }
            case TIMESLICES -> {
                if (targetNode.isEmpty()) {
                    problems.error(budgeting.location(), "budgeting method timeslices needs sliceTarget, the percent of "
                            + "good events that makes a minute good, e.g. " + EXAMPLE);
                    return Optional.empty();
                }
                OptionalDouble target = sliceTarget(targetNode.get(), budgeting, problems);
                return target.isPresent() ? Optional.of(new Budgeting.Timeslices(target.getAsDouble() / 100)) : Optional.empty();
            }
            default -> {
                reportUnknownMethod(methodNode.get(), method.get(), problems);
                return Optional.empty();
            }
        }
    }

    private static OptionalDouble sliceTarget(YamlNode node, YamlMap budgeting, Problems problems) {
        OptionalDouble target = node.asNumber(problems, budgeting.describe("sliceTarget"));
        if (target.isPresent() && !(target.getAsDouble() > 0 && target.getAsDouble() <= 100)) {
            problems.error(node.location(), "sliceTarget must be above 0 and at most 100 (the percent of good events "
                    + "that makes a minute good), got " + node.scalarText().orElseThrow());
            return OptionalDouble.empty();
        }
        return target;
    }

    private static void reportUnknownMethod(YamlNode node, String method, Problems problems) {
        String hint = Suggestions.closest(method, List.of(OCCURRENCES, TIMESLICES))
                .map(s -> "; did you mean \"" + s + "\"?")
                .orElse("; use occurrences, or " + EXAMPLE);
        problems.error(node.location(), "unknown budgeting method \"" + method + "\"" + hint);
    }
}
