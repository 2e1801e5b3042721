package dev.slopipeline.streams.aggregate;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.SeriesKey;
import dev.slopipeline.definitions.model.ServiceDefinition;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.policy.BurnRatePolicy;
import dev.slopipeline.streams.alert.AlertComposer;
import dev.slopipeline.streams.contributors.Contributors;
import dev.slopipeline.streams.evaluate.AlertEvaluator;
import dev.slopipeline.streams.evaluate.AlertStates;
import dev.slopipeline.streams.evaluate.AlertTransition;
import dev.slopipeline.streams.evaluate.Evaluation;
import dev.slopipeline.streams.health.HealthContext;
import dev.slopipeline.streams.ingest.SloInput;
import dev.slopipeline.streams.status.StatusRecord;
import dev.slopipeline.streams.store.Part;
import dev.slopipeline.streams.window.Recorded;
import dev.slopipeline.streams.window.SloWindows;
import dev.slopipeline.streams.window.WindowParts;
import dev.slopipeline.streams.window.WindowPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One SLO series' live state in a stream task (the whole SLO when it is not split), written through to the stores part by part after every
 * change, so that the stores always equal it and a task that takes over rebuilds exactly this.
 *
 * <p>Holds the definition it was built for: when the definition changes, alerts of severities the
 * SLO no longer has resolve, and the windows start again if the new definition tracks other windows
 * (a changed objective, tier or minimum of events keeps them; see {@link #redefine}).
 */
final class SloAggregate {

    private static final byte[] ALERT_STATES_PART = {'a'};

    /** What counting one input asks of the caller. */
    enum Counted { EVALUATE, LATER, LATE }

    private final SeriesKey series;
    private final String name;
    private final Duration grace;
    private final SloStores stores;
    private final SloStores.Sinks sinks;
    private final Contributors contributors;
    private final HealthContext health;
    private SloDefinition slo;
    private ServiceDefinition service;
    private AlertEvaluator evaluator;
    private SloWindows windows;
    private AlertStates states;

    private SloAggregate(SloDefinition slo, SeriesKey series, ServiceDefinition service, Duration grace, SloStores stores,
                         SloWindows windows, AlertStates states, Contributors contributors, HealthContext health) {
        this.series = series;
        this.name = series.text();
        this.grace = grace;
        this.stores = stores;
        this.sinks = stores.sinksFor(name);
        this.slo = slo;
        this.service = service;
        this.evaluator = evaluatorFor(slo, service);
        this.windows = windows;
        this.states = states;
        this.contributors = contributors;
        this.health = health;
    }

    /** A new SLO series in this task, its windows starting at its first input. */
    static SloAggregate create(SloDefinition slo, SeriesKey series, ServiceDefinition service, Duration grace,
                               Duration healthTtl, SloStores stores, Instant start) {
        SloWindows windows = SloWindows.startAt(evaluatorFor(slo, service).windowPlan(grace), start);
        SloAggregate aggregate = new SloAggregate(slo, series, service, grace, stores, windows, AlertStates.none(),
                Contributors.none(), HealthContext.empty(healthTtl));
        aggregate.saveWindows();
        aggregate.saveStates();
        return aggregate;
    }

    /**
     * The SLO as the stores hold it. When the stored windows track other windows than the definition
     * needs (it changed while no task ran it), they start again at their last time and every firing
     * alert resolves with that reason; the transitions go to {@code published}.
     *
     * @throws IllegalArgumentException when the stored parts cannot be read
     */
    static SloAggregate restore(SloDefinition slo, SeriesKey series, ServiceDefinition service, Duration grace,
                                Duration healthTtl, SloStores stores, SloStores.Loaded loaded, List<Alert> published) {
        SloWindows windows = WindowParts.rebuild(loaded.windows())
                .orElseThrow(() -> new IllegalArgumentException("stored state of SLO " + series + " has no windows"));
        AlertStates states = loaded.alertStates().isEmpty() ? AlertStates.none() : AlertStates.fromBytes(alertStateBytes(loaded.alertStates()));
        SloAggregate aggregate = new SloAggregate(slo, series, service, grace, stores, windows, states,
                Contributors.rebuild(loaded.contributors()), HealthContext.rebuild(healthTtl, loaded.healthContext()));
        WindowPlan plan = aggregate.evaluator.windowPlan(grace);
        if (!plan.equals(windows.plan())) {
            aggregate.restartWindows(plan);
            published.addAll(aggregate.apply(aggregate.evaluator.resolveAll(aggregate.windows.sums(), states),
                    t -> "definition changed while stopped: its windows start again"));
        }
        return aggregate;
    }

    /** The series key's text, under which the stores keep its parts. */
    String name() {
        return name;
    }

    SeriesKey series() {
        return series;
    }

    SloDefinition definition() {
        return slo;
    }

    ServiceDefinition service() {
        return service;
    }

    /** Counts an SLI input; evaluate at once when a minute closed or bad events arrived, as only those can make a pair hold. */
    Counted count(SloInput.Counts counts) {
        long minuteBefore = minuteOf(windows.latest());
        Instant time = Instant.ofEpochMilli(counts.eventTimeMillis());
        Recorded recorded = windows.record(time, counts.good(), counts.bad());
        saveWindows();
        if (recorded instanceof Recorded.Late) {
            return Counted.LATE;
        }
        if (counts.bad() > 0) {
            contributors.add(counts.service(), counts.operation(), counts.bad(), time, sinks.contributors());
            return Counted.EVALUATE;
        }
        return minuteOf(windows.latest()) > minuteBefore ? Counted.EVALUATE : Counted.LATER;
    }

    void context(SloInput.ComponentHealth result) {
        health.record(result.service(), result.check(), result.target(), result.status(),
                Instant.ofEpochMilli(result.eventTimeMillis()), sinks.healthContext());
    }

    /** Moves event time on without input, for an SLO whose traffic stopped; returns whether it moved. */
    boolean advanceTo(Instant time) {
        if (!time.isAfter(windows.latest())) {
            return false;
        }
        windows.advanceTo(time);
        saveWindows();
        health.expire(time, sinks.healthContext());
        return true;
    }

    Instant latest() {
        return windows.latest();
    }

    List<Alert> evaluate() {
        return apply(evaluator.evaluate(windows.sums(), states), t -> null);
    }

    /** Resolves every firing alert, saying why: the SLO is being removed. */
    List<Alert> resolveAll(String reason) {
        return apply(evaluator.resolveAll(windows.sums(), states), t -> reason);
    }

    /**
     * Applies a changed definition or service. Windows are kept when the new definition tracks the
     * same windows with the same grace, unit and budget window (objective, tier, minimum of events and
     * labels may change); otherwise firing alerts resolve, judged under the old definition, and the
     * windows start again empty at the latest event time. Then the SLO is judged under the new
     * definition, so a changed objective can fire or resolve at once.
     */
    List<Alert> redefine(SloDefinition newSlo, ServiceDefinition newService) {
        List<Alert> published = new ArrayList<>();
        AlertEvaluator next = evaluatorFor(newSlo, newService);
        WindowPlan plan = next.windowPlan(grace);
        if (!plan.equals(windows.plan())) {
            published.addAll(resolveAll("definition changed: its windows start again"));
            restartWindows(plan);
        }
        slo = newSlo;
        service = newService;
        evaluator = next;
        published.addAll(apply(evaluator.evaluate(windows.sums(), states), t -> t.state() == AlertState.RESOLVED
                && BurnRatePolicy.pairsFor(newSlo, newService.tier()).stream().noneMatch(p -> p.severity() == t.severity())
                ? "definition changed: no " + t.severity().wireName() + " pair any more" : null));
        return published;
    }

    StatusRecord status(Instant now) {
        return StatusRecord.of(evaluator.status(windows.sums(), states), slo, series, windows.lateEvents(), now);
    }

    private List<Alert> apply(Evaluation evaluation, Function<AlertTransition, String> reason) {
        if (!evaluation.states().equals(states)) {
            states = evaluation.states();
            saveStates();
        }
        if (evaluation.transitions().isEmpty()) {
            return List.of();
        }
        List<Alert> alerts = new ArrayList<>();
        for (AlertTransition transition : evaluation.transitions()) {
            AlertComposer.compose(transition, slo, series, service, contributors.top(transition.at()),
                    health.failingAround(transition.at()), reason.apply(transition)).ifPresent(alert -> {
                        FiringRecords.track(alert, slo.errorBudget(), sinks.alertStates());
                        alerts.add(alert);
                    });
        }
        return alerts;
    }

    private void restartWindows(WindowPlan plan) {
        stores.deleteWindows(name);
        windows = SloWindows.startAt(plan, windows.latest());
        saveWindows();
    }

    private void saveWindows() {
        if (stores.windowsRestored()) {
            WindowParts.drainChanges(windows, sinks.windows());
        } else {
            // encoding the changed parts is most of what counting an event costs; nothing would read them
            WindowParts.forgetChanges(windows);
        }
    }

    private void saveStates() {
        sinks.alertStates().put(ALERT_STATES_PART.clone(), states.toBytes());
    }

    private static byte[] alertStateBytes(List<Part> parts) {
        return parts.stream().filter(p -> p.name().length == 1 && p.name()[0] == ALERT_STATES_PART[0])
                .findFirst().map(Part::value)
                .orElseThrow(() -> new IllegalArgumentException("stored alert state has no part \"a\""));
    }

    private static AlertEvaluator evaluatorFor(SloDefinition slo, ServiceDefinition service) {
        return new AlertEvaluator(slo, BurnRatePolicy.pairsFor(slo, service.tier()));
    }

    private static long minuteOf(Instant time) {
        return Math.floorDiv(time.toEpochMilli(), 60_000L);
    }

    /**
     * Resolves the firing alerts of an SLO whose definition is gone, from its stored parts alone (see
     * {@link FiringRecords}).
     */
    static List<Alert> resolveOrphaned(SloStores.Loaded loaded, String reason) {
        return FiringRecords.resolveAll(loaded.alertStates(), loaded.windows(), reason);
    }
}
