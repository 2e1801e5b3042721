package dev.slopipeline.router.topology;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.kit.json.JsonBytes;
import dev.slopipeline.kit.json.JsonFields;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.deadletter.DeadLetterRecord;
import dev.slopipeline.router.notification.AlertJson;
import dev.slopipeline.router.notification.LabelledAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns the alerts posted to Alertmanager's API ({@code router.posted-alerts}, keyed by fingerprint) into the
 * router's alert transitions, routed beside the SLO alerts ({@link AlertRouting}), with Alertmanager's lifetime rules:
 * <ul>
 *   <li>an alert whose {@code endsAt} has passed is resolved (Prometheus sends that once its rule stops firing);</li>
 *   <li>a firing alert fires until its {@code endsAt}, or, without one, until {@code resolve_timeout} (the config's
 *       {@code global.resolve_timeout}, 5m by default) after it was received; each time it is sent again that end
 *       moves on, so an alert Prometheus keeps sending keeps firing, and one it stops sending resolves at its end;</li>
 *   <li>an alert sent again keeps the earlier {@code startsAt}.</li>
 * </ul>
 * Only changes go on (a new alert, new annotations, a resolve): Prometheus re-sends every firing alert every minute,
 * and those re-sends only move the end. The firing alerts, with their ends, are kept in the store
 * {@value RouterTopology#POSTED_ALERTS_STORE}; a wall-clock punctuator resolves those whose end has passed.
 */
final class PostedAlertProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    private static final String UNTIL = "firingUntil";

    private final RouterTopologyConfig config;
    private final Supplier<RouterConfig> liveConfig;
    private final PostedAlertCodec codec = new PostedAlertCodec();

    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, byte[]> store;
    private Cancellable punctuator;
    /**
     * No held alert ends before this, so ticks before it skip the scan of the store. A re-send moves an end later,
     * which leaves this early (one scan too many), never late; unknown at start, so the first tick scans.
     */
    private Instant earliestEnd = Instant.MIN;

    PostedAlertProcessor(RouterTopologyConfig config, Supplier<RouterConfig> liveConfig) {
        this.config = config;
        this.liveConfig = liveConfig;
    }

    /** A firing alert as held, and when it resolves unless sent again. */
    private record Firing(LabelledAlert alert, Instant until) {
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(RouterTopology.POSTED_ALERTS_STORE);
        punctuator = context.schedule(config.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME,
                timestamp -> resolveEnded());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Decoded<PostedAlert> decoded = codec.decode(record.value());
        if (decoded instanceof Decoded.Invalid<PostedAlert> invalid) {
            context.forward(DeadLetterRecord.of(record, config.topics().postedAlerts(), invalid.reason()),
                    RouterTopology.ROUTE_DEAD_LETTER_SINK);
            return;
        }
        PostedAlert posted = ((Decoded.Ok<PostedAlert>) decoded).value();
        Instant now = now();
        String key = posted.fingerprint().toString();
        Optional<Firing> held = Optional.ofNullable(store.get(key)).map(PostedAlertProcessor::decode);
        Instant startsAt = posted.startsAt().orElse(posted.receivedAt());
        Instant until = posted.endsAt().orElse(posted.receivedAt().plus(liveConfig.get().global().resolveTimeout()));
        if (!until.isAfter(now)) {
            held.ifPresent(firing -> {
                store.delete(key);
                route(resolved(new Firing(new LabelledAlert(posted.labels(), posted.annotations(),
                        firing.alert().startsAt(), null, firing.alert().updatedAt()), until), now));
            });
            return;
        }
        Instant firstStart = held.map(firing -> firing.alert().startsAt()).filter(start -> start.isBefore(startsAt))
                .orElse(startsAt);
        LabelledAlert alert = new LabelledAlert(posted.labels(), posted.annotations(), firstStart, null, now);
        boolean changed = held.map(firing -> !firing.alert().annotations().equals(alert.annotations())
                || !firing.alert().startsAt().equals(firstStart)).orElse(true);
        store.put(key, encode(new Firing(changed ? alert : held.get().alert(), until)));
        if (until.isBefore(earliestEnd)) {
            earliestEnd = until;
        }
        if (changed) {
            route(alert);
        }
    }

    @Override
    public void close() {
        if (punctuator != null) {
            punctuator.cancel();
        }
    }

    /** Resolves every alert whose end has passed without it being sent again. */
    private void resolveEnded() {
        Instant now = now();
        if (now.isBefore(earliestEnd)) {
            return;
        }
        List<KeyValue<String, Firing>> ended = new ArrayList<>();
        Instant nextEnd = Instant.MAX;
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                Firing firing = decode(entry.value);
                if (!firing.until().isAfter(now)) {
                    ended.add(KeyValue.pair(entry.key, firing));
                } else if (firing.until().isBefore(nextEnd)) {
                    nextEnd = firing.until();
                }
            }
        }
        earliestEnd = nextEnd;
        for (KeyValue<String, Firing> entry : ended) {
            store.delete(entry.key);
            route(resolved(entry.value, now));
        }
    }

    /** Resolved at its end, or at its start for an end before it (a clock skewed between sender and router). */
    private static LabelledAlert resolved(Firing firing, Instant now) {
        LabelledAlert alert = firing.alert();
        Instant endsAt = firing.until().isBefore(alert.startsAt()) ? alert.startsAt() : firing.until();
        return new LabelledAlert(alert.labels(), alert.annotations(), alert.startsAt(), endsAt, now);
    }

    private void route(LabelledAlert alert) {
        AlertRouting.route(context, liveConfig.get().route(), alert);
    }

    private static byte[] encode(Firing firing) {
        ObjectNode node = AlertJson.write(firing.alert(), JsonFields.MAPPER.createObjectNode());
        node.put(UNTIL, firing.until().toString());
        return JsonBytes.of(node);
    }

    /** The store holds only what {@link #encode} wrote. */
    private static Firing decode(byte[] value) {
        JsonFields fields = JsonFields.parse(value);
        return new Firing(AlertJson.read(fields.node()), fields.instant(UNTIL));
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
