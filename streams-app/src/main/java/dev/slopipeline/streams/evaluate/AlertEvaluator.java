package dev.slopipeline.streams.evaluate;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.policy.AlertPair;
import dev.slopipeline.streams.window.Tally;
import dev.slopipeline.streams.window.WindowPlan;
import dev.slopipeline.streams.window.WindowSums;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The alert state machine of one SLO: judges its pairs against window sums and turns the result into
 * transitions, one severity at a time.
 *
 * <p>A severity fires when any of its pairs holds and stays firing while any does; a slower pair
 * joining a firing severity sends nothing more. It resolves once none has held for a minute of event
 * time ({@link #RESOLVE_AFTER}). Judged once a minute, that is as soon as none holds: a pair's long
 * window already smooths (a resolved page-fast needs another 1.44 % of an hour's traffic to fail
 * before it fires again), and its short window is what makes recovery visible within minutes. But
 * the stream judges within the minute too, as events arrive, and a minute whose bad events arrived
 * before its good ones can hold for seconds right where the long window crosses the threshold; the
 * minute keeps that from resolving and firing again. Only transitions are emitted, never a repeat.
 *
 * <p>Evaluation is pure: sums and previous states in, transitions and next states out; the status is
 * asked for apart ({@link #status}), as it is needed every few seconds, not after every event. Call it after
 * recording events, and from a wall-clock punctuator after {@code SloWindows.advanceTo}: without
 * traffic the windows empty as they age, the pairs stop holding, the alert resolves, and each severity
 * reports {@link SeverityStatus.NoData} once all its long windows are empty.
 */
public final class AlertEvaluator {

    /** How long no pair of a firing severity must hold before it resolves. */
    public static final Duration RESOLVE_AFTER = Duration.ofMinutes(1);

    private final SloDefinition slo;
    private final Map<Severity, List<AlertPair>> pairsBySeverity = new EnumMap<>(Severity.class);

    /** @param pairs the SLO's pairs, as {@code BurnRatePolicy.pairsFor} resolves them */
    public AlertEvaluator(SloDefinition slo, List<AlertPair> pairs) {
        this.slo = slo;
        pairs.stream()
                .sorted(Comparator.comparing(AlertPair::longWindow).thenComparing(AlertPair::shortWindow))
                .forEach(pair -> pairsBySeverity.computeIfAbsent(pair.severity(), s -> new ArrayList<>()).add(pair));
    }

    /** The windows this evaluator reads: every pair's two windows and the forecast windows. */
    public WindowPlan windowPlan(Duration grace) {
        Set<Duration> windows = new LinkedHashSet<>(BudgetStatus.FORECAST_WINDOWS);
        pairsBySeverity.values().forEach(pairs -> pairs.forEach(pair -> {
            windows.add(pair.longWindow());
            windows.add(pair.shortWindow());
        }));
        return WindowPlan.forSlo(slo, windows, grace);
    }

    public Evaluation evaluate(WindowSums sums, AlertStates previous) {
        return evaluate(sums, previous, false);
    }

    /**
     * Resolves every firing severity whatever its pairs say: the SLO was removed, or redefined so that
     * its windows start again. Each resolved transition reports its triggering pair judged now.
     */
    public Evaluation resolveAll(WindowSums sums, AlertStates previous) {
        return evaluate(sums, previous, true);
    }

    /**
     * Judges every pair; on the hot path, so the budget (which only a transition reports) is computed
     * only when there is one, and the status is left to {@link #status}.
     */
    private Evaluation evaluate(WindowSums sums, AlertStates previous, boolean resolveAll) {
        List<AlertTransition> transitions = List.of();
        AlertStates next = previous;
        BudgetStatus budget = null;
        for (Severity severity : Severity.values()) {
            Optional<ActiveAlert> active = previous.get(severity);
            List<AlertPair> pairs = pairsBySeverity.getOrDefault(severity, List.of());
            if (pairs.isEmpty() && active.isEmpty()) {
                continue;
            }
            List<PairEvaluation> evaluations = judge(pairs, sums);
            List<PairEvaluation> holding = resolveAll ? List.of() : holding(evaluations);
            if (active.isPresent() && !holding.isEmpty()) {
                next = next.with(severity, active.get().heldAt(sums.asOf()));
                continue;
            }
            if (active.isEmpty() && holding.isEmpty()
                    || active.isPresent() && !resolveAll && sums.asOf().isBefore(active.get().lastHeld().plus(RESOLVE_AFTER))) {
                continue;
            }
            if (transitions.isEmpty()) {
                transitions = new ArrayList<>(2);
                budget = BudgetStatus.of(sums, slo.errorBudget());
            }
            if (active.isEmpty()) {
                next = next.with(severity, new ActiveAlert(sums.asOf(), holding.get(0).pair().name(), sums.asOf()));
                transitions.add(new AlertTransition(slo.name(), severity, AlertState.FIRING, sums.asOf(), sums.asOf(),
                        names(holding), Optional.of(holding.get(0)), budget));
            } else {
                next = next.without(severity);
                transitions.add(new AlertTransition(slo.name(), severity, AlertState.RESOLVED, sums.asOf(), active.get().startedAt(),
                        List.of(), lastTrigger(evaluations, active.get(), sums), budget));
            }
        }
        return new Evaluation(transitions, next);
    }

    /** Where the SLO stands with these sums and states: for the status topic, not for alerting. */
    public SloStatus status(WindowSums sums, AlertStates states) {
        Map<Severity, SeverityStatus> severities = new EnumMap<>(Severity.class);
        List<PairEvaluation> pairs = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            List<PairEvaluation> evaluations = judge(pairsBySeverity.getOrDefault(severity, List.of()), sums);
            pairs.addAll(evaluations);
            statusOf(states.get(severity), evaluations, names(holding(evaluations)))
                    .ifPresent(status -> severities.put(severity, status));
        }
        Tally window = sums.budget().tally();
        OptionalDouble sli = window.total() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) window.good() / window.total());
        Map<Duration, Double> burnRates = new LinkedHashMap<>();
        sums.windows().forEach((length, tally) -> burnRates.put(length, PairEvaluation.burnRate(tally, slo.errorBudget())));
        return new SloStatus(slo.name(), sums.asOf(), sli, burnRates, BudgetStatus.of(sums, slo.errorBudget()), severities,
                pairs, sums.budget());
    }

    private List<PairEvaluation> judge(List<AlertPair> pairs, WindowSums sums) {
        List<PairEvaluation> evaluations = new ArrayList<>(pairs.size());
        for (AlertPair pair : pairs) {
            evaluations.add(PairEvaluation.of(pair, sums, slo.errorBudget()));
        }
        return evaluations;
    }

    /** The pairs that hold, fastest first; usually none, so no list is made for them. */
    private static List<PairEvaluation> holding(List<PairEvaluation> evaluations) {
        List<PairEvaluation> holding = List.of();
        for (PairEvaluation evaluation : evaluations) {
            if (evaluation.holds()) {
                if (holding.isEmpty()) {
                    holding = new ArrayList<>(evaluations.size());
                }
                holding.add(evaluation);
            }
        }
        return holding;
    }

    private static List<String> names(List<PairEvaluation> evaluations) {
        return evaluations.stream().map(e -> e.pair().name()).toList();
    }

    /**
     * The pair that made the alert fire, judged now; if a changed definition renamed it, the
     * severity's fastest pair; if the severity has no pairs any more, the SLO's fastest.
     */
    private Optional<PairEvaluation> lastTrigger(List<PairEvaluation> evaluations, ActiveAlert alert, WindowSums sums) {
        return evaluations.stream()
                .filter(e -> e.pair().name().equals(alert.triggeringPair()))
                .findFirst()
                .or(() -> evaluations.stream().findFirst())
                .or(() -> pairsBySeverity.values().stream()
                        .flatMap(List::stream)
                        .min(Comparator.comparing(AlertPair::longWindow).thenComparing(AlertPair::shortWindow))
                        .map(pair -> PairEvaluation.of(pair, sums, slo.errorBudget())));
    }

    private static Optional<SeverityStatus> statusOf(Optional<ActiveAlert> active, List<PairEvaluation> evaluations, List<String> holding) {
        if (active.isPresent()) {
            return Optional.of(new SeverityStatus.Firing(active.get().startedAt(), holding));
        }
        if (evaluations.isEmpty()) {
            return Optional.empty();
        }
        boolean silent = evaluations.stream().allMatch(e -> e.longWindow().events() == 0);
        return Optional.of(silent ? new SeverityStatus.NoData() : new SeverityStatus.Ok());
    }
}
