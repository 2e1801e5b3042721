package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.kit.yaml.Problems;

import dev.slopipeline.definitions.model.StatusRule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Reads a requests indicator's {@code good}: the status rule and latency bound that make an event good.
 * Public because OpenSLO metric sources write the same criteria, and their mistakes should read as ours do.
 */
public final class GoodReader {

    private static final int LOWEST_STATUS = 100;
    private static final int HIGHEST_STATUS = 599;

    /** @param status null when only latency counts */
    public record Good(StatusRule status, OptionalDouble latencyAtMostMs) {
    }

    /**
     * How a status rule is written and the rule each form makes. Our language says which codes are good;
     * a language that says which are bad writes the same rules with another bound and {@code in} and
     * {@code notIn} swapped.
     *
     * @param bound the word for a bound, {@code below} in our language
     */
    public record StatusWords(String bound, IntFunction<StatusRule> atBound, Function<Set<Integer>, StatusRule> in,
            Function<Set<Integer>, StatusRule> notIn) {

        public static final StatusWords GOOD =
                new StatusWords("below", StatusRule.Below::new, StatusRule.AnyOf::new, StatusRule.NoneOf::new);
    }

    private GoodReader() {
    }

    static Optional<Good> read(YamlMap good) {
        Problems problems = good.problems();
        int errorsBefore = problems.errorCount();
        Optional<Good> criteria = criteria(good);
        good.rejectUnknownFields();
        // a misspelt field has been reported already; saying that nothing is there would repeat it
        if (problems.errorCount() == errorsBefore && !good.has("status") && !good.has("latency_ms")) {
            problems.error(good.location(), "good needs a status rule, a latency bound or both, "
                    + "e.g. {status: {below: 500}} or {latency_ms: {atMost: 300}}");
        }
        return problems.errorCount() > errorsBefore ? Optional.empty() : criteria;
    }

    /**
     * The {@code status} and {@code latency_ms} fields of the map, either or both absent. Its other fields,
     * and saying that neither is written, are left to the caller, whose map may hold more than criteria.
     *
     * @return empty when either is wrong, each mistake reported
     */
    public static Optional<Good> criteria(YamlMap holder) {
        Problems problems = holder.problems();
        int errorsBefore = problems.errorCount();
        Optional<StatusRule> status = holder.get("status")
                .flatMap(node -> node.asMap(problems, "status"))
                .flatMap(map -> statusRule(map, StatusWords.GOOD));
        OptionalDouble latency = holder.get("latency_ms")
                .flatMap(node -> node.asMap(problems, "latency_ms"))
                .map(map -> latencyBound(map, "atMost", "the slowest good response in milliseconds, e.g. {atMost: 300}"))
                .orElse(OptionalDouble.empty());
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Good(status.orElse(null), latency));
    }

    /** A map under {@code status} with exactly one of the bound, {@code in} or {@code notIn}. */
    public static Optional<StatusRule> statusRule(YamlMap status, StatusWords words) {
        Problems problems = status.problems();
        List<String> forms = List.of(words.bound(), "in", "notIn");
        List<String> rules = forms.stream().filter(status::has).toList();
        int errorsBefore = problems.errorCount();
        status.rejectUnknownFields();
        if (rules.isEmpty() && problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        String choices = forms.get(0) + ", " + forms.get(1) + " or " + forms.get(2);
        if (rules.isEmpty()) {
            problems.error(status.location(), "status needs one of " + choices + ", e.g. {" + words.bound() + ": 500}");
            return Optional.empty();
        }
        if (rules.size() > 1) {
            problems.error(status.keyLocation(rules.get(1)), "status must use only one of " + choices + ", got "
                    + String.join(" and ", rules));
            return Optional.empty();
        }
        String rule = rules.get(0);
        YamlNode value = status.get(rule).orElseThrow();
        if (rule.equals("in")) {
            return codes(value, status, rule).map(words.in());
        }
        if (rule.equals("notIn")) {
            return codes(value, status, rule).map(words.notIn());
        }
        OptionalInt bound = code(value, status.describe(rule), problems);
        return bound.isPresent() ? Optional.of(words.atBound().apply(bound.getAsInt())) : Optional.empty();
    }

    /**
     * A map under {@code latency_ms} with one bound in milliseconds, above 0.
     *
     * @param field the word for the bound, {@code atMost} in our language
     * @param hint what to write when the bound is missing
     */
    public static OptionalDouble latencyBound(YamlMap latency, String field, String hint) {
        Problems problems = latency.problems();
        Optional<YamlNode> node = latency.require(field, hint);
        latency.rejectUnknownFields();
        OptionalDouble bound = node.map(n -> n.asNumber(problems, latency.describe(field))).orElse(OptionalDouble.empty());
        if (bound.isPresent() && bound.getAsDouble() <= 0) {
            problems.error(node.get().location(), field + " must be above 0 milliseconds, got " + node.get().scalarText().orElseThrow());
            return OptionalDouble.empty();
        }
        return bound;
    }

    private static Optional<Set<Integer>> codes(YamlNode node, YamlMap status, String field) {
        Problems problems = status.problems();
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
}
