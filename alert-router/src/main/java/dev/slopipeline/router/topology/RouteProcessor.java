package dev.slopipeline.router.topology;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertCodec;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.deadletter.DeadLetterRecord;
import dev.slopipeline.router.notification.AlertJson;
import dev.slopipeline.router.notification.LabelledAlert;
import dev.slopipeline.router.notification.SloAlerts;
import dev.slopipeline.router.oncall.heartbeat.HeartbeatWatch;
import dev.slopipeline.router.oncall.heartbeat.SilentPipelineAlert;
import java.time.Instant;
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
 * The first half of the router: reads SLO alert transitions, matches them against the route tree and sends each
 * alert once per distinct group key it gets to {@code router.groups} ({@link AlertRouting}), keyed by that group key, so that one task of
 * the whole cluster holds every alert of a group whichever partitions of {@code slo.alerts} they came from. Every
 * transition also goes to the compacted {@code router.active-alerts} (firing: the alert; resolved: a tombstone),
 * which every instance reads, so that inhibition sees every firing alert.
 *
 * <p>The task of partition 0 also watches the streams app's heartbeats, when the config has a {@code heartbeat}
 * section, and routes the silent-pipeline page it raises and resolves like any alert. Whether that page fires is
 * kept in the store {@value RouterTopology#HEARTBEAT_STORE}, saved with the transitions it sent.
 *
 * <p>Nothing here is held back: the processor keeps no alerts (grouping does, downstream), so it can run on any
 * instance and restart anywhere without state beyond the heartbeat page.
 */
final class RouteProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    /** The store key of the silent-pipeline page while it fires. */
    static final String SILENT_PAGE_KEY = "silent-pipeline-page";

    private final RouterTopologyConfig config;
    private final Supplier<RouterConfig> liveConfig;
    private final boolean heartbeatsInTopology;
    private final AlertCodec alerts = new AlertCodec();

    private ProcessorContext<byte[], byte[]> context;
    private Cancellable punctuator;
    private KeyValueStore<String, byte[]> heartbeatStore;
    private ReadOnlyKeyValueStore<String, byte[]> heartbeats;
    private Instant watchingSince;

    /** @param heartbeatsInTopology whether the topology holds the heartbeat stores (fixed when it was built) */
    RouteProcessor(RouterTopologyConfig config, Supplier<RouterConfig> liveConfig, boolean heartbeatsInTopology) {
        this.config = config;
        this.liveConfig = liveConfig;
        this.heartbeatsInTopology = heartbeatsInTopology;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        if (heartbeatsInTopology && context.taskId().partition() == 0) {
            // one task in the whole application raises the silent-pipeline page
            heartbeatStore = context.getStateStore(RouterTopology.HEARTBEAT_STORE);
            heartbeats = context.getStateStore(RouterTopology.HEARTBEATS_STORE);
            watchingSince = now();
            punctuator = context.schedule(config.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME,
                    timestamp -> checkHeartbeat());
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Decoded<Alert> decoded = record.value() == null
                ? new Decoded.Invalid<>("the record has no value; expected an SLO alert transition")
                : alerts.decode(record.value());
        if (decoded instanceof Decoded.Invalid<Alert> invalid) {
            context.forward(DeadLetterRecord.of(record, config.topics().alerts(), invalid.reason()),
                    RouterTopology.ROUTE_DEAD_LETTER_SINK);
            return;
        }
        route(SloAlerts.toLabelled(((Decoded.Ok<Alert>) decoded).value()));
    }

    @Override
    public void close() {
        if (punctuator != null) {
            punctuator.cancel();
        }
    }

    private void route(LabelledAlert alert) {
        AlertRouting.route(context, liveConfig.get().route(), alert);
    }

    /**
     * Raises the silent-pipeline page when no heartbeat came for {@code silent_after}, resolves it when they come
     * back, or when a reload removed the heartbeat section.
     */
    private void checkHeartbeat() {
        Optional<LabelledAlert> firing = Optional.ofNullable(heartbeatStore.get(SILENT_PAGE_KEY)).map(AlertJson::decode);
        Optional<LabelledAlert> transition = liveConfig.get().paging().heartbeat()
                .map(settings -> new HeartbeatWatch(settings, heartbeats, watchingSince))
                .map(watch -> watch.check(now(), firing.stream().toList()))
                .orElseGet(() -> firing.map(page -> SilentPipelineAlert.resolved(page, now())));
        transition.ifPresent(alert -> {
            if (SilentPipelineAlert.isFiring(alert)) {
                heartbeatStore.put(SILENT_PAGE_KEY, AlertJson.encode(alert));
            } else {
                heartbeatStore.delete(SILENT_PAGE_KEY);
            }
            route(alert);
        });
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
