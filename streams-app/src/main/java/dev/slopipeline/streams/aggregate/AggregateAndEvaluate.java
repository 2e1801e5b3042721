package dev.slopipeline.streams.aggregate;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertCodec;
import dev.slopipeline.definitions.model.SeriesKey;
import dev.slopipeline.definitions.model.ServiceDefinition;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.streams.ingest.SloInput;
import dev.slopipeline.streams.metrics.TopologyMetrics;
import dev.slopipeline.streams.reload.DefinitionsSnapshot;
import dev.slopipeline.streams.reload.LiveDefinitions;
import dev.slopipeline.streams.status.StatusCodec;
import dev.slopipeline.streams.status.StatusRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second step, per SLO series (see {@link SeriesKey}; an SLO that is not split is one series named as the SLO):
 * counts into event-time windows, judges the alert pairs, publishes alert transitions and, at most every status
 * interval, the series' status.
 *
 * <p><b>Series.</b> Inputs are keyed by series and partitioned by SLO name, so every series of an SLO is here. A
 * split SLO's first {@code maxSeries} combinations get a series each; the inputs of any further one count in the
 * series whose values are all {@code other} ({@link SeriesKey#overflow}), with a warning the first time in a task and
 * a metric. A component's health result, keyed by SLO name, reaches every series of its SLO that has state here.
 * When a split SLO's {@code groupBy} changes, its series of the old labels resolve their alerts and lose their state
 * as a removed SLO does. Inputs summed under the old labels that arrive after the change count in the series they
 * belong to now when their key tells which ({@link SeriesKey#regroupedFor}: labels taken away, or the split
 * dropped); the others (a label added or swapped) are dropped, as their events' values for it are gone.
 *
 * <p><b>When SLOs are judged.</b> After an input that brought bad events or moved the SLO into a new
 * minute: between two such inputs only good events of the same minute arrive, which cannot make a
 * pair hold, so a firing transition appears with the first event after which a pair holds (except
 * when only the low-traffic guard held it back: then at the next bad event or minute). Good events
 * that let a pair stop holding are judged with the next minute, or by the wall-clock punctuator,
 * whichever comes first. The punctuator (every evaluation interval) also moves the event time of SLOs
 * silent for longer than the wall-clock lag to wall clock minus that lag, so their alerts resolve and
 * their status turns to no data when traffic stops.
 *
 * <p><b>Rounds.</b> Both wall-clock rounds, judging without input (every evaluation interval) and statuses (every
 * status interval), may be spread over several punctuations ({@link AggregateSettings#roundSlices}), each taking the
 * next slice of the series in key order: while a punctuation runs, the stream thread takes no records, so a round over
 * ten thousand series in one go would hold a crossing event, and its alert, behind it.
 *
 * <p><b>State.</b> Live objects per SLO in a map, the authority while the task runs, written
 * through part by part to the four part stores of {@link SloStores} after every change (the record cache
 * merges repeated writes until commit). Each status published also goes to the store
 * {@value SloStores#STATUS}, which the HTTP API queries. An SLO met for the first time in this task, after a restart
 * or a rebalance, is rebuilt from its parts.
 *
 * <p><b>Definitions.</b> Before each input and punctuation the definitions in force are checked: a
 * removed SLO resolves its firing alerts (annotation {@code reason: slo removed}), loses its state and
 * gets a status tombstone; one removed while no task ran it (the app was stopped) is found among the
 * stored SLOs on start and resolved the same way from the firing alerts kept with its state (reason
 * {@code slo removed while the pipeline was stopped}); a changed one is {@linkplain SloAggregate#redefine redefined}.
 */
public final class AggregateAndEvaluate implements Processor<String, SloInput, String, Published> {

    private static final Logger LOG = LoggerFactory.getLogger(AggregateAndEvaluate.class);
    static final String SLO_REMOVED = "slo removed";
    static final String SLO_REMOVED_WHILE_STOPPED = "slo removed while the pipeline was stopped";
    static final String SPLIT_CHANGED = "groupBy changed: the SLO is split into other series";

    private final AggregateSettings settings;
    private final LiveDefinitions live;
    private final TopologyMetrics metrics;
    private final AlertCodec alertCodec = new AlertCodec();
    private final Map<String, SloAggregate> aggregates = new HashMap<>();
    /** Every series with state in this task, loaded or not. */
    private final OwnedSeries owned = new OwnedSeries();
    /** Where the status round and the round judging without input have come to: each walks the series a slice at a time. */
    private final SeriesRound statusRound;
    private final SeriesRound quietRound;
    /** Split SLOs whose overflow was logged in this task: once is enough to tell, the metric counts the rest. */
    private final Set<String> overflowLogged = new HashSet<>();
    /** Runtime facts about loaded SLOs that are not state: they start afresh with the task. */
    private final Map<String, Activity> activity = new HashMap<>();
    private ProcessorContext<String, Published> context;
    private ReadOnlyKeyValueStore<String, String> definitionTexts;
    private SloStores stores;
    private KeyValueStore<String, byte[]> statusStore;
    private DefinitionsSnapshot definitions;

    private static final class Activity {
        long lastInputWallClock;
        boolean evaluationDue;
        boolean statusDue;

        Activity(long now) {
            lastInputWallClock = now;
        }
    }

    public AggregateAndEvaluate(AggregateSettings settings, LiveDefinitions live, TopologyMetrics metrics) {
        this.settings = settings;
        this.live = live;
        this.metrics = metrics;
        this.statusRound = new SeriesRound(owned, settings.roundSlices());
        this.quietRound = new SeriesRound(owned, settings.roundSlices());
    }

    @Override
    public void init(ProcessorContext<String, Published> context) {
        this.context = context;
        this.definitionTexts = context.getStateStore(settings.definitionsStore());
        this.stores = new SloStores(context);
        this.statusStore = context.getStateStore(SloStores.STATUS);
        owned.addAll(stores.slos());
        showStoredStatuses();
        context.schedule(SeriesRound.sliceInterval(settings.evaluationInterval(), settings.roundSlices()),
                PunctuationType.WALL_CLOCK_TIME, this::evaluateQuiet);
        context.schedule(SeriesRound.sliceInterval(settings.statusInterval(), settings.roundSlices()),
                PunctuationType.WALL_CLOCK_TIME, now -> publishStatuses());
    }

    @Override
    public void process(Record<String, SloInput> record) {
        syncDefinitions();
        Instant time = Instant.ofEpochMilli(record.value().eventTimeMillis());
        if (record.value() instanceof SloInput.ComponentHealth health) {
            healthReceivers(record.key(), time).forEach(aggregate -> aggregate.context(health));
            return;
        }
        SloAggregate aggregate = aggregateFor(record.key(), time);
        if (aggregate == null) {
            return;
        }
        SloInput.Counts counts = (SloInput.Counts) record.value();
        if (!aggregate.name().equals(record.key()) && aggregate.name().equals(SeriesKey.overflow(aggregate.definition()).text())) {
            metrics.overflowed(aggregate.definition().name(), counts.good() + counts.bad());
        }
        // only the indicator's own events keep an SLO from counting as silent; health context does not
        Activity seen = activity.get(aggregate.name());
        seen.lastInputWallClock = context.currentSystemTimeMs();
        switch (aggregate.count(counts)) {
            case EVALUATE -> {
                metrics.counted(this, aggregate.definition(), aggregate.series(), counts.good(), counts.bad());
                seen.evaluationDue = false;
                publish(aggregate.evaluate());
            }
            case LATER -> {
                metrics.counted(this, aggregate.definition(), aggregate.series(), counts.good(), counts.bad());
                seen.evaluationDue = true;
            }
            case LATE -> metrics.late(aggregate.definition().name(), counts.good() + counts.bad());
        }
        seen.statusDue = true;
    }

    /**
     * The series a health result of the SLO {@code slo} is context for: the SLO itself when it is not split (started
     * by the result if it has no state yet, as before series existed), else every series of it with state here.
     */
    private List<SloAggregate> healthReceivers(String slo, Instant time) {
        SloDefinition definition = definitions.definitions().slos().get(slo);
        if (definition == null || !definition.grouping().isSplit()) {
            SloAggregate aggregate = aggregateFor(slo, time);
            return aggregate == null ? List.of() : List.of(aggregate);
        }
        List<SloAggregate> receivers = new ArrayList<>();
        for (String key : owned.splitSeriesOf(slo)) {
            SloAggregate aggregate = aggregateFor(key, null);
            if (aggregate != null) {
                receivers.add(aggregate);
            }
        }
        return receivers;
    }

    /** The task is closed (revoked, moved, or the app stopping): this instance stops exporting its SLOs. */
    @Override
    public void close() {
        owned.all().forEach(name -> metrics.released(this, name));
        aggregates.clear();
        activity.clear();
        owned.clear();
    }

    /**
     * Judges the SLOs of the round's next slice that had input since they were last judged, and moves silent ones on
     * to the wall clock.
     */
    private void evaluateQuiet(long now) {
        syncDefinitions();
        for (String name : quietRound.nextSlice()) {
            SloAggregate aggregate = aggregateFor(name, null);
            if (aggregate == null) {
                continue;
            }
            Activity seen = activity.get(name);
            boolean silent = now - seen.lastInputWallClock >= settings.wallClockLag().toMillis();
            if (silent && aggregate.advanceTo(Instant.ofEpochMilli(now).minus(settings.wallClockLag()))) {
                seen.evaluationDue = true;
                seen.statusDue = true;
            }
            if (seen.evaluationDue) {
                seen.evaluationDue = false;
                publish(aggregate.evaluate());
            }
        }
    }

    /** Publishes the status of the SLOs of the round's next slice that had input or changed since their last one. */
    private void publishStatuses() {
        // a removed SLO must get its tombstone before it could get a status
        syncDefinitions();
        for (String name : statusRound.nextSlice()) {
            SloAggregate aggregate = aggregates.get(name);
            Activity seen = activity.get(name);
            if (aggregate != null && seen.statusDue) {
                seen.statusDue = false;
                StatusRecord record = aggregate.status(Instant.ofEpochMilli(context.currentSystemTimeMs()));
                metrics.status(this, record);
                byte[] status = StatusCodec.encode(record);
                statusStore.put(name, status);
                context.forward(new Record<>(name, new Published(Published.Kind.STATUS, status), aggregate.latest().toEpochMilli()));
            }
        }
    }

    /**
     * A task that takes SLOs over (a restart, a rebalance) exports their last published status at once, rather
     * than after their next input or the next wall-clock evaluation.
     */
    private void showStoredStatuses() {
        for (String name : owned.all()) {
            byte[] stored = statusStore.get(name);
            if (stored == null) {
                continue;
            }
            try {
                metrics.status(this, StatusCodec.decode(stored));
            } catch (IllegalArgumentException unreadable) {
                LOG.warn("stored status of SLO {} cannot be read ({}); its series wait for the next status", name,
                        unreadable.getMessage());
            }
        }
    }

    /**
     * The series' live state: in memory, else rebuilt from the stores, else new when an input starts it (the
     * overflow series instead, when a split SLO has all the series it may have; the series it belongs to now, for an
     * input of an earlier split). Null when the SLO is not defined (any more), when the series is of an earlier split
     * and is no input that can be regrouped, or has neither state nor an input to start it.
     */
    private SloAggregate aggregateFor(String key, Instant start) {
        SloAggregate aggregate = aggregates.get(key);
        if (aggregate != null) {
            return aggregate;
        }
        Optional<SeriesKey> series = readKey(key);
        SloDefinition slo = series.map(s -> definitions.definitions().slos().get(s.slo())).orElse(null);
        if (slo == null) {
            return null;
        }
        if (!series.get().belongsTo(slo)) {
            // summed before the repartition under the groupBy before the last change, and on its way when it changed
            Optional<SeriesKey> regrouped = start == null ? Optional.empty() : series.get().regroupedFor(slo);
            return regrouped.map(now -> aggregateFor(now.text(), start)).orElse(null);
        }
        if (start != null && !owned.contains(key) && isFull(slo) && !key.equals(SeriesKey.overflow(slo).text())) {
            return overflowOf(slo, start);
        }
        ServiceDefinition service = definitions.definitions().serviceOf(slo).orElseThrow();
        SloStores.Loaded loaded = stores.load(key);
        List<Alert> published = new ArrayList<>();
        if (!loaded.isEmpty()) {
            try {
                aggregate = SloAggregate.restore(slo, series.get(), service, settings.grace(), settings.healthContextTtl(),
                        stores, loaded, published);
            } catch (IllegalArgumentException e) {
                LOG.error("stored state of SLO {} cannot be read ({}); it starts again empty", key, e.getMessage());
                stores.deleteAll(key);
            }
        }
        if (aggregate == null) {
            if (start == null) {
                owned.remove(key);
                return null;
            }
            aggregate = SloAggregate.create(slo, series.get(), service, settings.grace(), settings.healthContextTtl(), stores, start);
        }
        aggregates.put(key, aggregate);
        activity.put(key, new Activity(context.currentSystemTimeMs()));
        owned.add(key);
        publish(published);
        return aggregate;
    }

    /** Whether a split SLO has as many series of its own here as its {@code maxSeries}, the overflow aside. */
    private boolean isFull(SloDefinition slo) {
        if (!slo.grouping().isSplit()) {
            return false;
        }
        int overflow = owned.contains(SeriesKey.overflow(slo).text()) ? 1 : 0;
        return owned.countOf(slo.name()) - overflow >= slo.grouping().maxSeries();
    }

    private SloAggregate overflowOf(SloDefinition slo, Instant start) {
        if (overflowLogged.add(slo.name())) {
            LOG.warn("SLO {} has its {} series (maxSeries); events of further {} values count in the series {}",
                    slo.name(), slo.grouping().maxSeries(), slo.grouping().by(), SeriesKey.overflow(slo));
        }
        return aggregateFor(SeriesKey.overflow(slo).text(), start);
    }

    /** A key as stored or received; a key that is not one (never written by this version) counts as no series. */
    private static Optional<SeriesKey> readKey(String key) {
        try {
            return Optional.of(SeriesKey.parse(key));
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
    }

    private void syncDefinitions() {
        DefinitionsSnapshot current = live.current(definitionTexts);
        if (definitions != null && current.version() == definitions.version()) {
            return;
        }
        definitions = current;
        // the stores too, not only the series met so far: the definitions change rarely, and an SLO removed
        // while no task ran it has state here that no input will ever load
        SortedSet<String> withState = new TreeSet<>(owned.all());
        withState.addAll(stores.slos());
        for (String key : withState) {
            Optional<SeriesKey> series = readKey(key);
            SloDefinition slo = series.map(s -> current.definitions().slos().get(s.slo())).orElse(null);
            SloAggregate aggregate = aggregates.get(key);
            if (slo == null) {
                remove(key, aggregate, SLO_REMOVED, SLO_REMOVED_WHILE_STOPPED);
            } else if (!series.get().belongsTo(slo)) {
                remove(key, aggregate, SPLIT_CHANGED, SPLIT_CHANGED);
            } else if (aggregate != null) {
                ServiceDefinition service = current.definitions().serviceOf(slo).orElseThrow();
                if (!slo.equals(aggregate.definition()) || !service.equals(aggregate.service())) {
                    publish(aggregate.redefine(slo, service));
                    activity.get(key).statusDue = true;
                }
            }
        }
    }

    /**
     * Resolves the series' firing alerts and forgets it.
     *
     * @param reason       why, when the series is loaded
     * @param reasonStored why, when only its stored parts are left (no input loaded it since the task started)
     */
    private void remove(String key, SloAggregate aggregate, String reason, String reasonStored) {
        if (aggregate != null) {
            publish(aggregate.resolveAll(reason));
        } else {
            List<Alert> resolved = SloAggregate.resolveOrphaned(stores.load(key), reasonStored);
            if (!resolved.isEmpty()) {
                LOG.info("SLO {}: {}; resolving its {} firing alert(s)", key, reasonStored, resolved.size());
            }
            publish(resolved);
        }
        stores.deleteAll(key);
        statusStore.delete(key);
        metrics.released(this, key);
        aggregates.remove(key);
        activity.remove(key);
        owned.remove(key);
        context.forward(new Record<>(key, new Published(Published.Kind.STATUS, null), context.currentSystemTimeMs()));
    }

    private void publish(List<Alert> alerts) {
        for (Alert alert : alerts) {
            metrics.transition(alert.severity(), alert.state().wireName());
            context.forward(new Record<>(alert.slo(), new Published(Published.Kind.ALERT, alertCodec.encode(alert)),
                    alert.at().toEpochMilli()));
        }
    }
}
