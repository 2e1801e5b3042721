package dev.slopipeline.router.topology;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.notification.AlertJson;
import dev.slopipeline.router.notification.IntentCodec;
import dev.slopipeline.router.notification.LabelledAlert;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.notification.SloAlerts;
import dev.slopipeline.router.routing.inhibit.DefaultInhibition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import static dev.slopipeline.router.topology.RouterDriver.EXTERNAL_URL;
import static dev.slopipeline.router.topology.RouterDriver.T0;
import static dev.slopipeline.router.topology.SloAlertSamples.firing;
import static dev.slopipeline.router.topology.SloAlertSamples.resolved;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a restarted task does with the snapshot its store restores. The test driver keeps stores in memory and drops
 * them on close, so this takes the snapshot the topology wrote in one driver and starts a fresh processor over a
 * store holding it, which is the state Kafka Streams restores from the changelog before it initialises a task's
 * processors. That restoration itself, and the exactly-once commit of snapshot and output together, are exercised by
 * {@link RouterTopologyIntegrationTest}.
 */
class GroupRestartTest {

    private static final String SLO = "checkout-availability";
    private static final Duration GROUP_WAIT = Duration.ofSeconds(30);

    private final IntentCodec notificationCodec = new IntentCodec();

    @Test
    void shouldNeitherRepeatTheFiringNorMissTheResolutionAfterARestart() {
        Notification fired;
        byte[] snapshot;
        try (RouterDriver before = new RouterDriver(RouterTopologyTest.CONFIG, DefaultInhibition.ON)) {
            before.publish(firing(SLO, Severity.PAGE, Map.of(), T0));
            before.advance(GROUP_WAIT);
            fired = before.newNotifications().get(0);
            KeyValueStore<String, byte[]> store = before.driver.getKeyValueStore(RouterTopology.ENGINE_STORE);
            snapshot = store.get(GroupProcessor.SNAPSHOT_KEY);
        }

        Restarted after = new Restarted(snapshot, T0.plus(Duration.ofMinutes(2)));
        after.punctuate();
        assertThat(after.notifications()).as("nothing to repeat at the restart").isEmpty();
        after.process(resolved(SLO, Severity.PAGE, Map.of(), T0, after.now));
        after.advanceTo(T0.plus(Duration.ofMinutes(5)).plus(GROUP_WAIT));

        assertThat(after.notifications()).singleElement().satisfies(done -> {
            assertThat(done.status()).isEqualTo(AlertState.RESOLVED);
            assertThat(done.groupKey()).isEqualTo(fired.groupKey());
            assertThat(done.idempotencyKey()).isNotEqualTo(fired.idempotencyKey());
        });
    }

    @Test
    void shouldKnowNothingToResolveWithoutTheSnapshot() {
        Restarted amnesiac = new Restarted(null, T0.plus(Duration.ofMinutes(2)));

        amnesiac.process(resolved(SLO, Severity.PAGE, Map.of(), T0, amnesiac.now));
        amnesiac.advanceTo(T0.plus(Duration.ofMinutes(5)).plus(GROUP_WAIT));

        // the control for the test above: the resolution is only notified because the snapshot logged the firing
        assertThat(amnesiac.notifications()).isEmpty();
    }

    /** A fresh processor over a store that holds {@code snapshot} (or nothing), at {@code start} on the wall clock. */
    private final class Restarted {
        final MockProcessorContext<byte[], byte[]> context = new MockProcessorContext<>();
        final GroupProcessor processor;
        final RouterConfig config;
        Instant now;

        Restarted(byte[] snapshot, Instant start) {
            KeyValueStore<String, byte[]> engineStore = store(RouterTopology.ENGINE_STORE);
            store(RouterTopology.SILENCES_STORE);
            store(RouterTopology.ACTIVE_ALERTS_STORE);
            if (snapshot != null) {
                engineStore.put(GroupProcessor.SNAPSHOT_KEY, snapshot);
            }
            now = start;
            context.setCurrentSystemTimeMs(start.toEpochMilli());
            config = RouterConfigLoader.parse("router.yml", RouterTopologyTest.CONFIG).orElseThrow();
            processor = new GroupProcessor(RouterTopologyConfig.of(config, EXTERNAL_URL, new SimpleMeterRegistry()),
                    () -> config);
            processor.init(context);
        }

        /** As the route processor sends it: once per group key, keyed by it. */
        void process(Alert alert) {
            LabelledAlert labelled = SloAlerts.toLabelled(alert);
            for (String groupKey : AlertRouting.groupKeys(config.route(), labelled)) {
                processor.process(new Record<>(groupKey.getBytes(StandardCharsets.UTF_8), AlertJson.encode(labelled),
                        now.toEpochMilli()));
            }
        }

        void advanceTo(Instant to) {
            now = to;
            context.setCurrentSystemTimeMs(to.toEpochMilli());
            punctuate();
        }

        void punctuate() {
            context.scheduledPunctuators().get(0).getPunctuator().punctuate(now.toEpochMilli());
        }

        List<Notification> notifications() {
            return context.forwarded(RouterTopology.NOTIFICATIONS_SINK).stream()
                    .map(forward -> notificationCodec.decode(new String((byte[]) forward.record().key(),
                            StandardCharsets.UTF_8), (byte[]) forward.record().value()))
                    .map(decoded -> ((Decoded.Ok<Notification>) decoded).value())
                    .toList();
        }

        private KeyValueStore<String, byte[]> store(String name) {
            KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                    Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
            return store;
        }
    }
}
