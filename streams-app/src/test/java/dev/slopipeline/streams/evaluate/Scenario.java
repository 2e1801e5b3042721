package dev.slopipeline.streams.evaluate;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.AlertingSpec;
import dev.slopipeline.definitions.model.Budgeting;
import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.model.StatusRule;
import dev.slopipeline.definitions.policy.AlertPair;
import dev.slopipeline.definitions.policy.BurnRatePolicy;
import dev.slopipeline.streams.window.SloWindows;
import dev.slopipeline.streams.window.WindowPlan;
import dev.slopipeline.streams.window.WindowSums;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Per-minute traffic fed to the real {@link SloWindows} and {@link AlertEvaluator}, evaluated once a
 * minute; and the transitions the definitions imply, computed from scratch with prefix sums over the
 * same traffic and the documented window definition.
 */
final class Scenario {

    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    /** One alert transition, reduced to what the definitions decide. */
    record Step(int minute, Severity severity, AlertState state, List<String> pairsHolding, String trigger) {
    }

    record Result(List<AlertTransition> transitions, List<Step> steps, SloStatus[] statusByMinute) {
        List<Step> steps(Severity severity) {
            return steps.stream().filter(s -> s.severity() == severity).toList();
        }
    }

    private final SloDefinition slo;
    private final List<AlertPair> pairs;
    private final Instant start;
    private final long[] good;
    private final long[] bad;

    Scenario(SloDefinition slo, Instant start, int minutes) {
        this.slo = slo;
        this.pairs = BurnRatePolicy.pairsFor(slo, 1);
        this.start = start;
        this.good = new long[minutes];
        this.bad = new long[minutes];
    }

    static SloDefinition slo(double objective, SloWindow window, Budgeting budgeting, long minEvents) {
        Indicator indicator = new Indicator.Requests(List.of(new EventMatcher("checkout-api", null, Map.of())),
                new StatusRule.Below(500), OptionalDouble.empty());
        return new SloDefinition("checkout-availability", Map.of(), null, "storefront", "checkout", indicator,
                objective, window, budgeting, new AlertingSpec(minEvents, Map.of()));
    }

    static SloDefinition rolling30d(double objective) {
        return slo(objective, new SloWindow.Rolling(Duration.ofDays(30)), new Budgeting.Occurrences(), 0);
    }

    /** Sets the traffic of minutes {@code from} (inclusive) to {@code to} (exclusive). */
    Scenario traffic(int from, int to, long goodPerMinute, long badPerMinute) {
        for (int minute = from; minute < to; minute++) {
            good[minute] = goodPerMinute;
            bad[minute] = badPerMinute;
        }
        return this;
    }

    Instant timeOf(int minute) {
        return start.plus(Duration.ofMinutes(minute)).plusSeconds(30);
    }

    /** Records each minute's good and bad events (or advances time through a silent minute), then evaluates. */
    Result run() {
        AlertEvaluator evaluator = new AlertEvaluator(slo, pairs);
        SloWindows windows = SloWindows.startAt(evaluator.windowPlan(WindowPlan.DEFAULT_GRACE), start);
        AlertStates states = AlertStates.none();
        List<AlertTransition> transitions = new ArrayList<>();
        SloStatus[] statuses = new SloStatus[good.length];
        for (int minute = 0; minute < good.length; minute++) {
            Instant time = timeOf(minute);
            if (good[minute] + bad[minute] == 0) {
                windows.advanceTo(time);
            }
            if (good[minute] > 0) {
                windows.record(time, good[minute], 0);
            }
            if (bad[minute] > 0) {
                windows.record(time, 0, bad[minute]);
            }
            WindowSums sums = windows.sums();
            Evaluation evaluation = evaluator.evaluate(sums, states);
            states = evaluation.states();
            transitions.addAll(evaluation.transitions());
            statuses[minute] = evaluator.status(sums, states);
        }
        List<Step> steps = transitions.stream()
                .map(t -> new Step(minuteOf(t.at()), t.severity(), t.state(), t.pairsHolding(),
                        t.trigger().map(e -> e.pair().name()).orElse(null)))
                .toList();
        return new Result(transitions, steps, statuses);
    }

    private int minuteOf(Instant at) {
        return (int) Duration.between(start, at).toMinutes();
    }

    /** The transitions implied by the definitions, from a brute-force evaluation of every minute. */
    List<Step> expectedSteps() {
        Reference reference = new Reference();
        List<Step> steps = new ArrayList<>();
        Map<Severity, String> firingTrigger = new EnumMap<>(Severity.class);
        for (int minute = 0; minute < good.length; minute++) {
            for (Severity severity : Severity.values()) {
                List<AlertPair> holding = holdingAt(reference, minute, severity);
                List<String> names = holding.stream().map(AlertPair::name).toList();
                if (!firingTrigger.containsKey(severity) && !holding.isEmpty()) {
                    firingTrigger.put(severity, names.get(0));
                    steps.add(new Step(minute, severity, AlertState.FIRING, names, names.get(0)));
                } else if (firingTrigger.containsKey(severity) && holding.isEmpty()) {
                    steps.add(new Step(minute, severity, AlertState.RESOLVED, List.of(), firingTrigger.remove(severity)));
                }
            }
        }
        return steps;
    }

    private List<AlertPair> holdingAt(Reference reference, int minute, Severity severity) {
        return pairs.stream()
                .filter(p -> p.severity() == severity)
                .filter(p -> reference.events(minute, p.longWindow()) >= Math.max(1, p.minEvents())
                        && reference.errorRatio(minute, p.longWindow()) > p.errorRatioThreshold()
                        && reference.errorRatio(minute, p.shortWindow()) > p.errorRatioThreshold())
                .sorted(Comparator.comparing(AlertPair::longWindow))
                .toList();
    }

    /** Window sums by definition: a window of L minutes in g-minute buckets covers floor((W - L + 1) / g) × g to W. */
    final class Reference {
        private final long[] goodUnits = new long[good.length + 1];
        private final long[] badUnits = new long[good.length + 1];
        private final long[] events = new long[good.length + 1];
        private final long startMinute = start.getEpochSecond() / 60;

        Reference() {
            for (int m = 0; m < good.length; m++) {
                long g = good[m];
                long b = bad[m];
                if (slo.budgeting() instanceof Budgeting.Timeslices timeslices && g + b > 0) {
                    boolean goodMinute = (double) g / (g + b) >= timeslices.sliceTarget();
                    g = goodMinute ? 1 : 0;
                    b = goodMinute ? 0 : 1;
                }
                goodUnits[m + 1] = goodUnits[m] + g;
                badUnits[m + 1] = badUnits[m] + b;
                events[m + 1] = events[m] + good[m] + bad[m];
            }
        }

        int firstMinute(int watermark, Duration window) {
            long minutes = window.toMinutes();
            int g = minutes >= 72 * 60 ? 60 : minutes >= 12 * 60 ? 10 : 1;
            long first = Math.floorDiv(startMinute + watermark - minutes + 1, g) * g - startMinute;
            return (int) Math.max(0, first);
        }

        long events(int watermark, Duration window) {
            return events[watermark + 1] - events[firstMinute(watermark, window)];
        }

        long bad(int watermark, Duration window) {
            return badUnits[watermark + 1] - badUnits[firstMinute(watermark, window)];
        }

        long total(int watermark, Duration window) {
            int first = firstMinute(watermark, window);
            return goodUnits[watermark + 1] - goodUnits[first] + badUnits[watermark + 1] - badUnits[first];
        }

        double errorRatio(int watermark, Duration window) {
            long total = total(watermark, window);
            return total == 0 ? 0 : (double) bad(watermark, window) / total;
        }
    }

    Reference reference() {
        return new Reference();
    }
}
