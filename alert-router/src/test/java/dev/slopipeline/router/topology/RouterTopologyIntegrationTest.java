package dev.slopipeline.router.topology;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.notification.IntentCodec;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.testkafka.SharedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The router topology on a real broker, exactly once, across a restart of the streams client. */
@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RouterTopologyIntegrationTest {

    private static final String CONFIG = """
            route:
              receiver: pager
              group_by: [slo]
              group_wait: 1s
              group_interval: 2s
              repeat_interval: 1h
            receivers:
            - name: pager
              webhook_configs: [{url: 'http://hooks.example/pager', send_resolved: true}]
            """;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SLO = "checkout-availability";

    @RegisterExtension
    static final BrokerFixture broker = new BrokerFixture();

    @TempDir
    Path stateDir;

    private final IntentCodec notificationCodec = new IntentCodec();

    @Test
    void shouldNotifyTheFiringOnceAndTheResolutionOnceAcrossARestart() throws Exception {
        RouterTopics topics = RouterTopics.withSuffix(SharedKafka.unique(".it-restart"));
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        assertFiredOnceAndResolvedOnceAcrossARestart(topics, SharedKafka.unique("router-topology-it-restart"),
                () -> broker.send(topics.alerts(), SloAlertSamples.firing(SLO, Severity.PAGE, Map.of(), startedAt)),
                () -> broker.send(topics.alerts(),
                        SloAlertSamples.resolved(SLO, Severity.PAGE, Map.of(), startedAt, Instant.now())));
    }

    @Test
    void shouldResolveAPostedAlertThatFiredBeforeARestart() throws Exception {
        RouterTopics topics = RouterTopics.withSuffix(SharedKafka.unique(".it-posted-restart"));
        Map<String, String> labels = Map.of("alertname", "DiskFull", "instance", "db-1");
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        assertFiredOnceAndResolvedOnceAcrossARestart(topics, SharedKafka.unique("router-topology-it-posted-restart"),
                () -> post(topics, new PostedAlert(labels, Map.of(), Optional.of(startedAt), Optional.empty(),
                        Instant.now())),
                // what Prometheus sends once the rule stops: only a router that remembers the firing alert resolves it
                () -> post(topics, new PostedAlert(labels, Map.of(), Optional.of(startedAt), Optional.of(Instant.now()),
                        Instant.now())));
    }

    /** {@code fire} before a restart, {@code resolve} while stopped: one firing, then one resolution, nothing more. */
    private void assertFiredOnceAndResolvedOnceAcrossARestart(RouterTopics topics, String applicationId, Runnable fire,
                                                              Runnable resolve) throws Exception {
        TopologyRun.createTopics(broker, topics, 2, 2);
        try (KafkaConsumer<String, byte[]> consumer = broker.readCommitted(topics.notifications(),
                applicationId + "-reader")) {
            TopologyRun first = start(applicationId, topics);
            fire.run();
            List<Notification> fired = await(consumer, 1);
            assertThat(fired).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(AlertState.FIRING));

            first.stopAtOnce();
            resolve.run();
            TopologyRun second = start(applicationId, topics);
            try {
                List<Notification> afterRestart = await(consumer, 1);
                // two more group intervals: a repeat of the firing (or of anything) would show up by then
                afterRestart.addAll(pollFor(consumer, Duration.ofSeconds(4)));

                assertThat(afterRestart).singleElement().satisfies(n -> {
                    assertThat(n.status()).isEqualTo(AlertState.RESOLVED);
                    assertThat(n.groupKey()).isEqualTo(fired.get(0).groupKey());
                    assertThat(n.idempotencyKey()).isNotEqualTo(fired.get(0).idempotencyKey());
                });
            } finally {
                second.stopAtOnce();
            }
        }
    }

    private static void post(RouterTopics topics, PostedAlert alert) {
        broker.send(topics.postedAlerts(), alert.fingerprint().toString(), new PostedAlertCodec().encode(alert));
    }

    private TopologyRun start(String applicationId, RouterTopics topics) {
        RouterConfig config = RouterConfigLoader.parse("router.yml", CONFIG).orElseThrow();
        return TopologyRun.start(broker, applicationId, topics, config, stateDir, Time.SYSTEM);
    }

    /** Polls until {@code count} notifications arrived, failing at the deadline. */
    private List<Notification> await(KafkaConsumer<String, byte[]> consumer, int count) {
        List<Notification> received = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (received.size() < count) {
            assertThat(System.nanoTime()).as("waiting for %d notification(s), got %s", count, received)
                    .isLessThan(deadline);
            received.addAll(poll(consumer, Duration.ofMillis(200)));
        }
        return received;
    }

    /** Everything that arrives within {@code period}: how a test shows that nothing more comes. */
    private List<Notification> pollFor(KafkaConsumer<String, byte[]> consumer, Duration period) {
        List<Notification> received = new ArrayList<>();
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            received.addAll(poll(consumer, Duration.ofMillis(200)));
        }
        return received;
    }

    private List<Notification> poll(KafkaConsumer<String, byte[]> consumer, Duration timeout) {
        List<Notification> received = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            Decoded<Notification> decoded = notificationCodec.decode(record.key(), record.value());
            assertThat(decoded).isInstanceOf(Decoded.Ok.class);
            received.add(((Decoded.Ok<Notification>) decoded).value());
        }
        return received;
    }
}
