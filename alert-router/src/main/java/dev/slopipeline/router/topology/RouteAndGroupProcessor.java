package dev.slopipeline.router.topology;

import dev.slopipeline.router.dispatch.IntentCodec;
import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertCodec;
import dev.slopipeline.definitions.event.Decoded;
import dev.slopipeline.router.alerts.SloAlerts;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.delivery.Notification;
import dev.slopipeline.router.group.GroupingEngine;
import dev.slopipeline.router.heartbeat.HeartbeatConfig;
import dev.slopipeline.router.heartbeat.HeartbeatWatch;
import dev.slopipeline.router.heartbeat.SilentPipelineAlert;
import dev.slopipeline.router.group.GroupingStateCodec;
import dev.slopipeline.router.group.MicrometerPipelineMetrics;
import dev.slopipeline.router.group.NotificationPipeline;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Routes, groups and decides notifications for the alerts of one stream task: one {@link GroupingEngine} per task,
 * driven by the wall clock, its whole state saved as one snapshot in the task's store.
 *
 * <p>One snapshot per task is enough because a task's input partitions never change (task 0_3 always reads
 * partition 3 of {@code slo.alerts}), so the snapshot always belongs to the same alerts, moves with the task
 * between instances through the store's changelog, and never needs splitting or merging. The price: more
 * partitions than tasks is not possible, and changing the partition count of {@code slo.alerts} starts the new
 * tasks empty.
 *
 * <p>The snapshot is written whenever the engine's state changed, in the same transaction (exactly_once_v2) as the
 * notifications it produced and the input offsets it consumed, so after a crash the restored engine has exactly the
 * timers and notification log that go with what was sent: nothing is dropped, nothing repeated.
 */
final class RouteAndGroupProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    /** The store key of the engine snapshot; one entry per task. */
    static final String SNAPSHOT_KEY = "engine";

    private final RouterTopologyConfig config;
    private final Supplier<RouterConfig> liveConfig;
    private final boolean heartbeatsInTopology;
    private final AlertCodec alerts = new AlertCodec();
    private final GroupingStateCodec snapshots = new GroupingStateCodec();
    private final IntentCodec notifications = new IntentCodec();
    private final SilenceView silences = new SilenceView();

    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, byte[]> store;
    private ReadOnlyKeyValueStore<String, byte[]> silencesStore;
    private GroupingEngine engine;
    private RouterConfig engineConfig;
    private byte[] lastSnapshot;
    private Cancellable punctuator;
    private Optional<ReadOnlyKeyValueStore<String, byte[]>> heartbeats = Optional.empty();
    private Instant watchingSince;
    private Optional<HeartbeatWatch> heartbeat = Optional.empty();

    RouteAndGroupProcessor(RouterTopologyConfig config) {
        this(config, config::routerConfig, config.routerConfig().paging().heartbeat().isPresent());
    }

    /** @param heartbeatsInTopology whether the topology holds the heartbeats global store (fixed when it was built) */
    RouteAndGroupProcessor(RouterTopologyConfig config, Supplier<RouterConfig> liveConfig,
                           boolean heartbeatsInTopology) {
        this.config = config;
        this.liveConfig = liveConfig;
        this.heartbeatsInTopology = heartbeatsInTopology;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(RouterTopology.ENGINE_STORE);
        this.silencesStore = context.getStateStore(RouterTopology.SILENCES_STORE);
        engineConfig = liveConfig.get();
        engine = newEngine(engineConfig);
        lastSnapshot = store.get(SNAPSHOT_KEY);
        if (lastSnapshot != null) {
            engine.importState(snapshots.decode(lastSnapshot), now());
        }
        if (heartbeatsInTopology && context.taskId().partition() == 0) {
            // one task in the whole application raises the silent-pipeline page
            heartbeats = Optional.of(context.getStateStore(RouterTopology.HEARTBEATS_STORE));
            watchingSince = now();
            heartbeat = watch(engineConfig);
        }
        punctuator = context.schedule(config.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME,
                timestamp -> flushDue());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Decoded<Alert> decoded = record.value() == null
                ? new Decoded.Invalid<>("the record has no value; expected an SLO alert transition")
                : alerts.decode(record.value());
        if (decoded instanceof Decoded.Invalid<Alert> invalid) {
            context.forward(DeadLetter.of(record, config.topics().alerts(), invalid.reason()),
                    RouterTopology.DEAD_LETTER_SINK);
            return;
        }
        Alert alert = ((Decoded.Ok<Alert>) decoded).value();
        followConfig();
        // An alert that started long ago may be due at once, so take it in and flush in one step.
        engine.onAlert(SloAlerts.toLabelled(alert), now());
        flushDue();
    }

    @Override
    public void close() {
        if (punctuator != null) {
            punctuator.cancel();
        }
    }

    private void flushDue() {
        followConfig();
        silences.refresh(silencesStore);
        checkHeartbeat();
        List<Notification> due = engine.tick(now());
        for (Notification notification : due) {
            Record<byte[], byte[]> intent = new Record<>(notification.idempotencyKey().getBytes(StandardCharsets.UTF_8),
                    notifications.encode(notification), context.currentSystemTimeMs());
            context.forward(intent, RouterTopology.NOTIFICATIONS_SINK);
            context.forward(intent, RouterTopology.INCIDENTS);
        }
        saveIfChanged();
    }

    private Optional<HeartbeatWatch> watch(RouterConfig routerConfig) {
        Optional<HeartbeatConfig> settings = routerConfig.paging().heartbeat();
        return heartbeats.flatMap(store -> settings.map(watch -> new HeartbeatWatch(watch, store, watchingSince)));
    }

    private void checkHeartbeat() {
        if (heartbeat.isPresent()) {
            heartbeat.get().check(now(), engine.exportState().alerts())
                    .ifPresent(transition -> engine.onAlert(transition, now()));
        } else if (heartbeats.isPresent()) {
            // the heartbeat section was removed by a reload: a silent-pipeline page it raised resolves
            engine.exportState().alerts().stream().filter(SilentPipelineAlert::isFiring).findFirst()
                    .ifPresent(firing -> engine.onAlert(SilentPipelineAlert.resolved(firing, now()), now()));
        }
    }

    private GroupingEngine newEngine(RouterConfig routerConfig) {
        return new GroupingEngine(routerConfig,
                NotificationPipeline.standard(routerConfig, silences.silences(), config.inhibition(),
                        new MicrometerPipelineMetrics(config.metrics())),
                config.externalUrl());
    }

    /**
     * Moves the engine's state into one built from a reloaded config: groups whose route still exists keep their
     * timers, the others are regrouped at once, and the notification log keeps what was sent from being sent again.
     */
    private void followConfig() {
        RouterConfig current = liveConfig.get();
        if (current == engineConfig) {
            return;
        }
        GroupingEngine next = newEngine(current);
        next.importState(engine.exportState(), now());
        engine = next;
        engineConfig = current;
        heartbeat = watch(current);
    }

    /**
     * Every tick may move timers or forget old entries; comparing the encoded snapshot skips the store write (and
     * its changelog record) on the many ticks that change nothing.
     */
    private void saveIfChanged() {
        byte[] snapshot = snapshots.encode(engine.exportState());
        if (!Arrays.equals(snapshot, lastSnapshot)) {
            store.put(SNAPSHOT_KEY, snapshot);
            lastSnapshot = snapshot;
        }
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
