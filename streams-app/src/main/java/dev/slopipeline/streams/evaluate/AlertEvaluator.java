package dev.slopipeline.streams.evaluate;

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
 * joining a firing severity sends nothing more. It resolves as soon as none holds: there is no extra
 * hold-down against flapping, because a pair's long window already smooths (a resolved page-fast needs
 * another 1.44 % of an hour's traffic to fail before it fires again), and its short window is what
 * makes recovery visible within minutes. Only transitions are emitted, never a repeat.
 *
 * <p>Evaluation is pure: sums and previous states in, transitions and next states out. Call it after
 * recording events, and from a wall-clock punctuator after {@code SloWindows.advanceTo}: without
 * traffic the windows empty as they age, the pairs stop holding, the alert resolves, and each severity
 * reports {@link SeverityStatus.NoData} once all its long windows are empty.
 */
public final class AlertEvaluator {

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
        BudgetStatus budget = BudgetStatus.of(sums, slo.errorBudget());
        List<AlertTransition> transitions = new ArrayList<>();
        Map<Severity, SeverityStatus> severities = new EnumMap<>(Severity.class);
        AlertStates next = previous;
        for (Severity severity : Severity.values()) {
            List<PairEvaluation> evaluations = pairsBySeverity.getOrDefault(severity, List.of()).stream()
                    .map(pair -> PairEvaluation.of(pair, sums, slo.errorBudget()))
                    .toList();
            List<PairEvaluation> holding = evaluations.stream().filter(PairEvaluation::holds).toList();
            List<String> holdingNames = holding.stream().map(e -> e.pair().name()).toList();
            Optional<ActiveAlert> active = previous.get(severity);
            if (active.isEmpty() && !holding.isEmpty()) {
                ActiveAlert started = new ActiveAlert(sums.asOf(), holding.get(0).pair().name());
                next = next.with(severity, started);
                transitions.add(new AlertTransition(slo.name(), severity, AlertState.FIRING, sums.asOf(), sums.asOf(),
                        holdingNames, Optional.of(holding.get(0)), budget));
            } else if (active.isPresent() && holding.isEmpty()) {
                next = next.without(severity);
                transitions.add(new AlertTransition(slo.name(), severity, AlertState.RESOLVED, sums.asOf(), active.get().startedAt(),
                        List.of(), lastTrigger(evaluations, active.get()), budget));
            }
            statusOf(next.get(severity), evaluations, holdingNames).ifPresent(status -> severities.put(severity, status));
        }
        return new Evaluation(transitions, next, status(sums, budget, severities));
    }

    private static Optional<PairEvaluation> lastTrigger(List<PairEvaluation> evaluations, ActiveAlert alert) {
        return evaluations.stream()
                .filter(e -> e.pair().name().equals(alert.triggeringPair()))
                .findFirst()
                .or(() -> evaluations.stream().findFirst());
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

    private SloStatus status(WindowSums sums, BudgetStatus budget, Map<Severity, SeverityStatus> severities) {
        Tally window = sums.budget().tally();
        OptionalDouble sli = window.total() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) window.good() / window.total());
        Map<Duration, Double> burnRates = new LinkedHashMap<>();
        sums.windows().forEach((length, tally) -> burnRates.put(length, PairEvaluation.burnRate(tally, slo.errorBudget())));
        return new SloStatus(slo.name(), sums.asOf(), sli, burnRates, budget, severities);
    }
}
