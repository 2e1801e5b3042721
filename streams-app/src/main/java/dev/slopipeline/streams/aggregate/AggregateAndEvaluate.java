package dev.slopipeline.streams.aggregate;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertCodec;
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
import java.util.List;
import java.util.Map;
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
 * The second step, per SLO: counts into event-time windows, judges the alert pairs, publishes alert
 * transitions and, at most every status interval, the SLO's status.
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

    private final AggregateSettings settings;
    private final LiveDefinitions live;
    private final TopologyMetrics metrics;
    private final AlertCodec alertCodec = new AlertCodec();
    private final Map<String, SloAggregate> aggregates = new HashMap<>();
    /** Every SLO with state in this task, loaded or not; sorted, so punctuations run in a stable order. */
    private final SortedSet<String> owned = new TreeSet<>();
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
    }

    @Override
    public void init(ProcessorContext<String, Published> context) {
        this.context = context;
        this.definitionTexts = context.getStateStore(settings.definitionsStore());
        this.stores = new SloStores(context);
        this.statusStore = context.getStateStore(SloStores.STATUS);
        owned.addAll(stores.slos());
        showStoredStatuses();
        context.schedule(settings.evaluationInterval(), PunctuationType.WALL_CLOCK_TIME, this::evaluateQuiet);
        context.schedule(settings.statusInterval(), PunctuationType.WALL_CLOCK_TIME, now -> publishStatuses());
    }

    @Override
    public void process(Record<String, SloInput> record) {
        syncDefinitions();
        SloAggregate aggregate = aggregateFor(record.key(), Instant.ofEpochMilli(record.value().eventTimeMillis()));
        if (aggregate == null) {
            return;
        }
        if (record.value() instanceof SloInput.Counts counts) {
            // only the indicator's own events keep an SLO from counting as silent; health context does not
            Activity seen = activity.get(aggregate.name());
            seen.lastInputWallClock = context.currentSystemTimeMs();
            switch (aggregate.count(counts)) {
                case EVALUATE -> {
                    metrics.counted(this, aggregate.definition(), counts.good(), counts.bad());
                    seen.evaluationDue = false;
                    publish(aggregate.evaluate());
                }
                case LATER -> {
                    metrics.counted(this, aggregate.definition(), counts.good(), counts.bad());
                    seen.evaluationDue = true;
                }
                case LATE -> metrics.late(aggregate.name(), counts.good() + counts.bad());
            }
            seen.statusDue = true;
        } else {
            aggregate.context((SloInput.ComponentHealth) record.value());
        }
    }

    /** The task is closed (revoked, moved, or the app stopping): this instance stops exporting its SLOs. */
    @Override
    public void close() {
        owned.forEach(name -> metrics.released(this, name));
        aggregates.clear();
        activity.clear();
        owned.clear();
    }

    /** Judges SLOs that had input since they were last judged, and moves silent ones on to the wall clock. */
    private void evaluateQuiet(long now) {
        syncDefinitions();
        for (String name : List.copyOf(owned)) {
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

    private void publishStatuses() {
        // a removed SLO must get its tombstone before it could get a status
        syncDefinitions();
        for (String name : owned) {
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
        for (String name : owned) {
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
     * The SLO's live state: in memory, else rebuilt from the stores, else new when an input starts it.
     * Null when the SLO is not defined (any more), or has neither state nor an input to start it.
     */
    private SloAggregate aggregateFor(String name, Instant start) {
        SloAggregate aggregate = aggregates.get(name);
        if (aggregate != null) {
            return aggregate;
        }
        SloDefinition slo = definitions.definitions().slos().get(name);
        if (slo == null) {
            return null;
        }
        ServiceDefinition service = definitions.definitions().serviceOf(slo).orElseThrow();
        SloStores.Loaded loaded = stores.load(name);
        List<Alert> published = new ArrayList<>();
        if (!loaded.isEmpty()) {
            try {
                aggregate = SloAggregate.restore(slo, service, settings.grace(), settings.healthContextTtl(), stores, loaded, published);
            } catch (IllegalArgumentException e) {
                LOG.error("stored state of SLO {} cannot be read ({}); it starts again empty", name, e.getMessage());
                stores.deleteAll(name);
            }
        }
        if (aggregate == null) {
            if (start == null) {
                owned.remove(name);
                return null;
            }
            aggregate = SloAggregate.create(slo, service, settings.grace(), settings.healthContextTtl(), stores, start);
        }
        aggregates.put(name, aggregate);
        activity.put(name, new Activity(context.currentSystemTimeMs()));
        owned.add(name);
        publish(published);
        return aggregate;
    }

    private void syncDefinitions() {
        DefinitionsSnapshot current = live.current(definitionTexts);
        if (definitions != null && current.version() == definitions.version()) {
            return;
        }
        definitions = current;
        // the stores too, not only the SLOs met so far: the definitions change rarely, and an SLO removed
        // while no task ran it has state here that no input will ever load
        SortedSet<String> withState = new TreeSet<>(owned);
        withState.addAll(stores.slos());
        for (String name : withState) {
            SloDefinition slo = current.definitions().slos().get(name);
            SloAggregate aggregate = aggregates.get(name);
            if (slo == null) {
                remove(name, aggregate);
            } else if (aggregate != null) {
                ServiceDefinition service = current.definitions().serviceOf(slo).orElseThrow();
                if (!slo.equals(aggregate.definition()) || !service.equals(aggregate.service())) {
                    publish(aggregate.redefine(slo, service));
                    activity.get(name).statusDue = true;
                }
            }
        }
    }

    private void remove(String name, SloAggregate aggregate) {
        if (aggregate != null) {
            publish(aggregate.resolveAll(SLO_REMOVED));
        } else {
            List<Alert> resolved = SloAggregate.resolveOrphaned(stores.load(name), SLO_REMOVED_WHILE_STOPPED);
            if (!resolved.isEmpty()) {
                LOG.info("SLO {} was removed while no instance ran it; resolving its {} firing alert(s)", name, resolved.size());
            }
            publish(resolved);
        }
        stores.deleteAll(name);
        statusStore.delete(name);
        metrics.released(this, name);
        aggregates.remove(name);
        activity.remove(name);
        owned.remove(name);
        context.forward(new Record<>(name, new Published(Published.Kind.STATUS, null), context.currentSystemTimeMs()));
    }

    private void publish(List<Alert> alerts) {
        for (Alert alert : alerts) {
            metrics.transition(alert.severity(), alert.state().wireName());
            context.forward(new Record<>(alert.slo(), new Published(Published.Kind.ALERT, alertCodec.encode(alert)),
                    alert.at().toEpochMilli()));
        }
    }
}
