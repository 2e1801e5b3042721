package dev.slopipeline.streams.metrics;

import dev.slopipeline.definitions.alert.WireDurations;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.streams.evaluate.SeverityStatus;
import dev.slopipeline.streams.status.PairStatus;
import dev.slopipeline.streams.status.StatusRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One SLO's series, labelled {@code slo}, {@code service} and {@code journey}, and for a series of a split SLO its
 * labels ({@code region}): the numbers of the status the topology last published for it, held here and only read at
 * a scrape. A window, pair or severity that a redefinition took away leaves with the next status.
 *
 * <p>Prometheus' registry keeps only the first set of label names of a metric, so every series of the instance
 * carries every split label any of them has, empty where it is not its own (Prometheus reads an empty label as
 * absent): {@link #relabel} registers the series again under a wider set, keeping its counts.
 */
final class SloSeries {

    static final String INFO = "slo.info";
    static final String OBJECTIVE = "slo.objective.ratio";
    static final String WINDOW = "slo.window.seconds";
    static final String SLI = "slo.sli.ratio";
    static final String BUDGET_REMAINING = "slo.error.budget.remaining.ratio";
    static final String BURN_RATE = "slo.burn.rate.ratio";
    static final String BURN_RATE_THRESHOLD = "slo.burn.rate.threshold.ratio";
    static final String ALERT_STATE = "slo.alert.state";
    static final String COUNTED = "slo.events.counted";
    static final String UNEXPORTED = "slo.series.unexported";

    /** The states of one severity, as {@code slo_alert_state} names them: one of them is 1, the others 0. */
    private static final Map<Class<? extends SeverityStatus>, String> STATES = Map.of(
            SeverityStatus.Ok.class, "ok", SeverityStatus.Firing.class, "firing", SeverityStatus.NoData.class, "no_data");

    private final MeterRegistry registry;
    private final String slo;
    private final String service;
    private final String journey;
    private final Map<String, String> labels;
    private Tags tags;
    private Counter good;
    private Counter bad;
    private StatusRecord lastShown;
    private final Map<GaugeKey, Shown> gauges = new HashMap<>();

    private record GaugeKey(String name, Tags tags) {
    }

    /** A registered gauge and the value it reads; written by a stream thread, read by the scrape. */
    private static final class Shown {
        final Gauge gauge;
        volatile double value;

        Shown(MeterRegistry registry, String name, String description, Tags tags) {
            gauge = Gauge.builder(name, this, shown -> shown.value).description(description).tags(tags)
                    .strongReference(true).register(registry);
        }
    }

    /**
     * @param labels     the series' own labels (empty when the SLO is not split)
     * @param splitNames every split label name the instance exports; a superset of the series' own
     */
    SloSeries(MeterRegistry registry, String slo, String service, String journey, Map<String, String> labels,
              Set<String> splitNames) {
        this.registry = registry;
        this.slo = slo;
        this.service = service;
        this.journey = journey;
        this.labels = Map.copyOf(labels);
        register(splitNames);
    }

    private void register(Set<String> splitNames) {
        Tags base = Tags.of("slo", slo, "service", service, "journey", journey);
        for (String name : splitNames) {
            base = base.and(name, labels.getOrDefault(name, ""));
        }
        tags = base;
        good = counted("good");
        bad = counted("bad");
    }

    /** Registers every series again with these split label names, with the counts so far and the last status. */
    synchronized void relabel(Set<String> splitNames) {
        double goodSoFar = good.count();
        double badSoFar = bad.count();
        remove();
        register(splitNames);
        good.increment(goodSoFar);
        bad.increment(badSoFar);
        if (lastShown != null) {
            show(lastShown);
        }
    }

    boolean labelled(String otherService, String otherJourney) {
        return service.equals(otherService) && journey.equals(otherJourney);
    }

    synchronized void counted(long goodEvents, long badEvents) {
        good.increment(goodEvents);
        bad.increment(badEvents);
    }

    synchronized void show(StatusRecord status) {
        lastShown = status;
        Set<GaugeKey> shown = new HashSet<>();
        set(shown, INFO, "1 for each SLO, with its objective in percent and its window as declared",
                Tags.of("objective", percent(status.objectivePercent()), "window", declared(status.window())), 1);
        set(shown, OBJECTIVE, "The SLO's objective: the share of good events it promises", Tags.empty(),
                status.objectivePercent() / 100.0);
        set(shown, WINDOW, "Length of the SLO window (a calendar month counts 30 days, a week 7)", Tags.empty(),
                status.window().nominalLength().toSeconds());
        set(shown, SLI, "Good units over all units in the SLO window; NaN without traffic", Tags.empty(),
                status.sli().orElse(Double.NaN));
        set(shown, BUDGET_REMAINING, "Share of the error budget left in the SLO window; negative once overspent",
                Tags.empty(), status.budgetRemaining());
        status.burnRates().forEach((window, rate) -> set(shown, BURN_RATE,
                "Error ratio over the window divided by the error budget: 1 spends the budget exactly in the SLO window",
                Tags.of("window", WireDurations.format(window)), rate));
        for (PairStatus pair : status.pairs()) {
            set(shown, BURN_RATE_THRESHOLD, "Burn rate both windows of an alert pair must exceed for it to fire",
                    Tags.of("pair", pair.name(), "severity", pair.severity().wireName(),
                            "long_window", WireDurations.format(pair.longWindow()),
                            "short_window", WireDurations.format(pair.shortWindow())),
                    pair.burnRateThreshold());
        }
        status.alerts().forEach((severity, state) -> STATES.forEach((kind, name) -> set(shown, ALERT_STATE,
                "1 for the state each severity of the SLO is in (ok, firing, no_data), 0 for the others",
                Tags.of("severity", severity.wireName(), "state", name), kind.isInstance(state) ? 1 : 0)));
        for (Iterator<Map.Entry<GaugeKey, Shown>> it = gauges.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<GaugeKey, Shown> entry = it.next();
            if (!shown.contains(entry.getKey())) {
                registry.remove(entry.getValue().gauge);
                it.remove();
            }
        }
    }

    /** Takes every series of the SLO off the registry. */
    synchronized void remove() {
        gauges.values().forEach(shown -> registry.remove(shown.gauge));
        gauges.clear();
        registry.remove(good);
        registry.remove(bad);
    }

    private void set(Set<GaugeKey> shown, String name, String description, Tags extra, double value) {
        GaugeKey key = new GaugeKey(name, extra);
        gauges.computeIfAbsent(key, k -> new Shown(registry, name, description, tags.and(extra))).value = value;
        shown.add(key);
    }

    /** As people write it: {@code 99.9}, {@code 95}. */
    private static String percent(double objectivePercent) {
        return BigDecimal.valueOf(objectivePercent).stripTrailingZeros().toPlainString();
    }

    /** {@code 30d} for a rolling window, {@code month} or {@code week} for a calendar one. */
    private static String declared(SloWindow window) {
        return window instanceof SloWindow.Calendar calendar ? calendar.period().name().toLowerCase(Locale.ROOT)
                : WireDurations.format(window.nominalLength());
    }

    private Counter counted(String outcome) {
        return Counter.builder(COUNTED).description("Events counted for the SLO, good or bad (late ones are not)")
                .tags(tags).tag("outcome", outcome).register(registry);
    }
}
