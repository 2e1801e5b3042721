package dev.slopipeline.router.topology;

import dev.slopipeline.router.dispatch.IntentCodec;
import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertCodec;
import dev.slopipeline.definitions.event.Decoded;
import dev.slopipeline.router.alerts.SloAlerts;
import dev.slopipeline.router.delivery.Notification;
import dev.slopipeline.router.group.GroupingEngine;
import dev.slopipeline.router.heartbeat.HeartbeatWatch;
import dev.slopipeline.router.group.GroupingStateCodec;
import dev.slopipeline.router.group.MicrometerPipelineMetrics;
import dev.slopipeline.router.group.NotificationPipeline;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
    private final AlertCodec alerts = new AlertCodec();
    private final GroupingStateCodec snapshots = new GroupingStateCodec();
    private final IntentCodec notifications = new IntentCodec();
    private final SilenceView silences = new SilenceView();

    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, byte[]> store;
    private ReadOnlyKeyValueStore<String, byte[]> silencesStore;
    private GroupingEngine engine;
    private byte[] lastSnapshot;
    private Cancellable punctuator;
    private Optional<HeartbeatWatch> heartbeat = Optional.empty();

    RouteAndGroupProcessor(RouterTopologyConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(RouterTopology.ENGINE_STORE);
        this.silencesStore = context.getStateStore(RouterTopology.SILENCES_STORE);
        engine = new GroupingEngine(config.routerConfig(),
                NotificationPipeline.standard(config.routerConfig(), silences.silences(), config.inhibition(),
                        new MicrometerPipelineMetrics(config.metrics())),
                config.externalUrl());
        lastSnapshot = store.get(SNAPSHOT_KEY);
        if (lastSnapshot != null) {
            engine.importState(snapshots.decode(lastSnapshot), now());
        }
        if (context.taskId().partition() == 0) {
            // one task in the whole application raises the silent-pipeline page
            heartbeat = config.routerConfig().paging().heartbeat().map(settings -> new HeartbeatWatch(settings,
                    context.getStateStore(RouterTopology.HEARTBEATS_STORE), now()));
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
        silences.refresh(silencesStore);
        heartbeat.flatMap(watch -> watch.check(now(), engine.exportState().alerts()))
                .ifPresent(transition -> engine.onAlert(transition, now()));
        List<Notification> due = engine.tick(now());
        for (Notification notification : due) {
            Record<byte[], byte[]> intent = new Record<>(notification.idempotencyKey().getBytes(StandardCharsets.UTF_8),
                    notifications.encode(notification), context.currentSystemTimeMs());
            context.forward(intent, RouterTopology.NOTIFICATIONS_SINK);
            context.forward(intent, RouterTopology.INCIDENTS);
        }
        saveIfChanged();
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
