package dev.slopipeline.definitions.openslo;

import dev.slopipeline.definitions.model.Budgeting;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code budgetingMethod} and {@code objectives} of an OpenSLO SLO. We take exactly one objective: an SLO
 * of ours has one target, and its alerts, status and budget are all derived from it.
 *
 * @param percent the target in percent, as our model holds it
 */
record Objectives(double percent, Budgeting budgeting) {

    static Optional<Objectives> read(YamlMap spec, String slo, Problems problems) {
        Optional<Boolean> timeslices = spec.requireString("budgetingMethod").flatMap(method -> timeslices(spec, method, problems));
        Optional<YamlMap> objective = spec.require("objectives").flatMap(node -> only(node, slo, problems));
        if (objective.isEmpty()) {
            return Optional.empty();
        }
        YamlMap fields = objective.get();
        fields.string("displayName");
        for (String thresholdOnly : List.of("op", "value")) {
            if (fields.has(thresholdOnly)) {
                problems.error(fields.keyLocation(thresholdOnly), "\"" + thresholdOnly + "\" is for thresholdMetric SLIs, which "
                        + "slo-pipeline does not support; a ratioMetric objective needs only target or targetPercent");
            }
        }
        OptionalDouble percent = percent(fields, problems);
        Optional<YamlNode> sliceTarget = fields.get("timeSliceTarget");
        Optional<YamlNode> sliceWindow = fields.get("timeSliceWindow");
        Optional<Budgeting> budgeting = timeslices.flatMap(sliced -> sliced
                ? timesliced(fields, sliceTarget, sliceWindow, problems)
                : occurrences(fields, problems));
        fields.rejectUnknownFields();
        if (percent.isEmpty() || budgeting.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Objectives(percent.getAsDouble(), budgeting.get()));
    }

    /** Case is ignored: the OpenSLO README itself spells the method both Timeslices and TimeSlices. */
    private static Optional<Boolean> timeslices(YamlMap spec, String method, Problems problems) {
        if (method.equalsIgnoreCase("Occurrences") || method.equalsIgnoreCase("Timeslices")) {
            return Optional.of(method.equalsIgnoreCase("Timeslices"));
        }
        problems.error(spec.get("budgetingMethod").orElseThrow().location(),
                "budgetingMethod must be Occurrences or Timeslices, got \"" + method + "\"");
        return Optional.empty();
    }

    private static Optional<YamlMap> only(YamlNode objectives, String slo, Problems problems) {
        Optional<List<YamlNode>> list = objectives.asList(problems, "objectives of " + slo);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        if (list.get().isEmpty()) {
            problems.error(objectives.location(), "objectives of " + slo + " is empty: write one objective with target or targetPercent");
            return Optional.empty();
        }
        if (list.get().size() > 1) {
            problems.error(list.get().get(1).location(), slo + " has " + list.get().size() + " objectives: slo-pipeline "
                    + "supports one objective per SLO; write one SLO per objective");
            return Optional.empty();
        }
        return list.get().get(0).asMap(problems, "the objective of " + slo);
    }

    private static OptionalDouble percent(YamlMap objective, Problems problems) {
        Optional<YamlNode> target = objective.get("target");
        Optional<YamlNode> targetPercent = objective.get("targetPercent");
        if (target.isPresent() && targetPercent.isPresent()) {
            problems.error(objective.keyLocation("targetPercent"), objective.what() + " has both target and targetPercent: "
                    + "write one of them (target: 0.999 is targetPercent: 99.9)");
            return OptionalDouble.empty();
        }
        if (target.isPresent()) {
            OptionalDouble fraction = target.get().asNumber(problems, objective.describe("target"));
            if (fraction.isPresent() && !(fraction.getAsDouble() > 0 && fraction.getAsDouble() < 1)) {
                problems.error(target.get().location(), "target must be above 0 and below 1 (0.999 means 99.9 %), got "
                        + target.get().scalarText().orElseThrow());
                return OptionalDouble.empty();
            }
            // through the decimal text, so that 0.999 becomes exactly 99.9 and not 99.89999999999999
            return fraction.isPresent() ? OptionalDouble.of(BigDecimal.valueOf(fraction.getAsDouble()).movePointRight(2).doubleValue()) : fraction;
        }
        if (targetPercent.isPresent()) {
            OptionalDouble percent = targetPercent.get().asNumber(problems, objective.describe("targetPercent"));
            if (percent.isPresent() && !(percent.getAsDouble() > 0 && percent.getAsDouble() < 100)) {
                problems.error(targetPercent.get().location(), "targetPercent must be above 0 and below 100, got "
                        + targetPercent.get().scalarText().orElseThrow());
                return OptionalDouble.empty();
            }
            return percent;
        }
        problems.error(objective.location(), objective.what() + " needs target (e.g. 0.999) or targetPercent (e.g. 99.9)");
        return OptionalDouble.empty();
    }

    private static Optional<Budgeting> occurrences(YamlMap objective, Problems problems) {
        for (String field : List.of("timeSliceTarget", "timeSliceWindow")) {
            if (objective.has(field)) {
                problems.error(objective.keyLocation(field), field + " applies only to budgetingMethod: Timeslices");
            }
        }
        return Optional.of(new Budgeting.Occurrences());
    }

    private static Optional<Budgeting> timesliced(YamlMap objective, Optional<YamlNode> target, Optional<YamlNode> window,
                                                  Problems problems) {
        if (window.isEmpty()) {
            problems.error(objective.location(), objective.what() + " needs timeSliceWindow: 1m with budgetingMethod: Timeslices");
        }
        window.ifPresent(node -> {
            String text = node.scalarText().orElse("");
            // OpenSLO reads a bare number as minutes
            if (!text.equals("1m") && !text.equals("1")) {
                problems.error(node.location(), "timeSliceWindow must be 1m: slo-pipeline judges time slices of one minute, got "
                        + node.describe());
            }
        });
        if (target.isEmpty()) {
            problems.error(objective.location(), objective.what() + " needs timeSliceTarget with budgetingMethod: Timeslices "
                    + "(e.g. timeSliceTarget: 0.95)");
            return Optional.empty();
        }
        OptionalDouble sliceTarget = target.get().asNumber(problems, objective.describe("timeSliceTarget"));
        if (sliceTarget.isEmpty()) {
            return Optional.empty();
        }
        if (!(sliceTarget.getAsDouble() > 0 && sliceTarget.getAsDouble() <= 1)) {
            problems.error(target.get().location(), "timeSliceTarget must be above 0 and at most 1 "
                    + "(0.95: a minute is good when 95 % of its events are), got " + target.get().scalarText().orElseThrow());
            return Optional.empty();
        }
        return Optional.of(new Budgeting.Timeslices(sliceTarget.getAsDouble()));
    }
}
