package dev.slopipeline.router.topology;

import dev.slopipeline.definitions.alert.AlertLabels;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.deadletter.DeadLetterRecord;
import dev.slopipeline.router.notification.Alert;
import dev.slopipeline.router.notification.AlertJson;
import dev.slopipeline.router.notification.IntentCodec;
import dev.slopipeline.router.notification.LabelledAlert;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.notification.SloFacts;
import dev.slopipeline.router.routing.group.AlertEffects;
import dev.slopipeline.router.routing.group.GroupingEngine;
import dev.slopipeline.router.routing.group.GroupingStateCodec;
import dev.slopipeline.router.routing.group.MicrometerPipelineMetrics;
import dev.slopipeline.router.routing.group.NotificationPipeline;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups and decides notifications for the groups of one stream task: {@code router.groups} is keyed by group key,
 * so every alert of a group, from whichever SLO and partition, reaches the one task that owns the group, and its
 * {@link GroupingEngine} groups, times, inhibits, silences and deduplicates exactly as Alertmanager's dispatcher
 * does for one group. The engine runs on the wall clock, and its whole state is saved as one snapshot in the task's
 * store.
 *
 * <p>One snapshot per task is enough because a task's input partitions never change (task 1_3 always reads
 * partition 3 of {@code router.groups}), so the snapshot always belongs to the same groups, moves with the task
 * between instances through the store's changelog, and never needs splitting or merging. Changing the partition
 * count of {@code router.groups} starts the new tasks empty.
 *
 * <p>The snapshot is written whenever the engine's state changed, in the same transaction (exactly_once_v2) as the
 * notifications it produced and the input offsets it consumed, so after a crash the restored engine has exactly the
 * timers and notification log that go with what was sent: nothing is dropped, nothing repeated.
 *
 * <p>Each notification to a paging receiver also goes to {@code router.pages}, once per SLO it pages for, keyed by
 * that SLO, where the incident processor of the SLO's partition opens, escalates and closes its incident.
 */
final class GroupProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    /** The store key of the engine snapshot; one entry per task. */
    static final String SNAPSHOT_KEY = "engine";

    private static final Logger LOG = LoggerFactory.getLogger(GroupProcessor.class);
    private static final String PAGE = "page";

    private final RouterTopologyConfig config;
    private final Supplier<RouterConfig> liveConfig;
    private final GroupingStateCodec snapshots = new GroupingStateCodec();
    private final IntentCodec notifications = new IntentCodec();
    private final SilenceView silences = new SilenceView();
    private final ActiveAlertsView activeAlerts = new ActiveAlertsView();

    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, byte[]> store;
    private ReadOnlyKeyValueStore<String, byte[]> silencesStore;
    private ReadOnlyKeyValueStore<String, byte[]> activeAlertsStore;
    private GroupingEngine engine;
    private RouterConfig engineConfig;
    private byte[] lastSnapshot;
    private Cancellable punctuator;

    GroupProcessor(RouterTopologyConfig config, Supplier<RouterConfig> liveConfig) {
        this.config = config;
        this.liveConfig = liveConfig;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(RouterTopology.ENGINE_STORE);
        this.silencesStore = context.getStateStore(RouterTopology.SILENCES_STORE);
        this.activeAlertsStore = context.getStateStore(RouterTopology.ACTIVE_ALERTS_STORE);
        engineConfig = liveConfig.get();
        engine = newEngine(engineConfig);
        lastSnapshot = store.get(SNAPSHOT_KEY);
        if (lastSnapshot != null) {
            engine.importState(snapshots.decode(lastSnapshot), now());
        }
        punctuator = context.schedule(config.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME,
                timestamp -> flushDue());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        LabelledAlert alert;
        try {
            if (record.key() == null || record.value() == null) {
                throw new IllegalArgumentException("a grouped alert needs its group key as key and the alert as value");
            }
            alert = AlertJson.decode(record.value());
        } catch (IllegalArgumentException e) {
            context.forward(DeadLetterRecord.of(record, config.topics().groups(), e.getMessage()),
                    RouterTopology.GROUP_DEAD_LETTER_SINK);
            return;
        }
        followConfig();
        String groupKey = new String(record.key(), StandardCharsets.UTF_8);
        AlertEffects effects = engine.onAlert(alert, groupKey, now());
        if (!effects.groups().isEmpty() && !effects.groups().equals(List.of(groupKey))) {
            LOG.warn("alert {} was sent to group {}, which no route of this router's config gives it (a config change"
                    + " not yet seen by every router?); grouped here as {} so that it is not lost",
                    alert.labels(), groupKey, effects.groups());
        }
        // An alert that started long ago may be due at once, so take it in and flush in one step.
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
        List<Notification> due = engine.tick(now());
        for (Notification notification : due) {
            byte[] intent = notifications.encode(notification);
            long timestamp = context.currentSystemTimeMs();
            context.forward(new Record<>(notification.idempotencyKey().getBytes(StandardCharsets.UTF_8), intent,
                    timestamp), RouterTopology.NOTIFICATIONS_SINK);
            for (String slo : pagedSlos(notification)) {
                context.forward(new Record<>(slo.getBytes(StandardCharsets.UTF_8), intent, timestamp),
                        RouterTopology.PAGES_SINK);
            }
        }
        saveIfChanged();
    }

    /** The SLOs whose pages this notification carries to a paging receiver; none for other receivers. */
    private Set<String> pagedSlos(Notification notification) {
        Set<String> slos = new TreeSet<>();
        if (engineConfig.paging().options().policyFor(notification.receiver()).isEmpty()) {
            return slos;
        }
        for (Alert alert : notification.alerts()) {
            String slo = alert.labels().get(AlertLabels.SLO);
            if (slo != null && PAGE.equals(alert.labels().get(AlertLabels.SEVERITY))) {
                slos.add(slo);
            }
        }
        return slos;
    }

    private GroupingEngine newEngine(RouterConfig routerConfig) {
        return new GroupingEngine(routerConfig,
                NotificationPipeline.standard(routerConfig, silences.silences(), config.inhibition(),
                        new MicrometerPipelineMetrics(config.metrics())),
                config.externalUrl(), () -> activeAlerts.refresh(activeAlertsStore));
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
