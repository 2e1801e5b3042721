package dev.slopipeline.router.topology;

import dev.slopipeline.broker.EmbeddedKafkaBroker;
import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertCodec;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.notification.IntentCodec;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.routing.inhibit.DefaultInhibition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path stateDir;

    private final AlertCodec alertCodec = new AlertCodec();
    private final IntentCodec notificationCodec = new IntentCodec();

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldNotifyTheFiringOnceAndTheResolutionOnceAcrossARestart() throws Exception {
        RouterTopics topics = RouterTopics.withSuffix(".it-restart");
        createTopics(topics);
        String applicationId = "router-topology-it-restart";
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        try (KafkaProducer<String, byte[]> producer = producer();
             KafkaConsumer<String, byte[]> consumer = consumer(topics.notifications())) {
            Running first = start(applicationId, topics);
            send(producer, topics, SloAlertSamples.firing(SLO, Severity.PAGE, Map.of(), startedAt));
            List<Notification> fired = await(consumer, 1);
            assertThat(fired).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(AlertState.FIRING));

            first.stopAtOnce();
            send(producer, topics, SloAlertSamples.resolved(SLO, Severity.PAGE, Map.of(), startedAt, Instant.now()));
            Running second = start(applicationId, topics);
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

    /** A streams client and a latch that opens once it has shut down. */
    private record Running(KafkaStreams streams, CountDownLatch stopped) {
        /**
         * Returns without waiting for a clean shutdown, and leaves the group so the next client need not wait for a
         * session timeout; then waits until the threads are gone, as the state directory can have one owner only.
         */
        void stopAtOnce() throws InterruptedException {
            streams.close(CloseOptions.timeout(Duration.ZERO)
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            assertThat(stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("streams client stopped").isTrue();
        }
    }

    private Running start(String applicationId, RouterTopics topics) {
        RouterConfig config = RouterConfigLoader.parse("router.yml", CONFIG).orElseThrow();
        RouterTopologyConfig topologyConfig = new RouterTopologyConfig(config, topics, Duration.ofMillis(200),
                URI.create("https://router.example"), DefaultInhibition.ON, new SimpleMeterRegistry());
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        KafkaStreams streams = new KafkaStreams(RouterTopology.build(topologyConfig), properties);
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        streams.start();
        return new Running(streams, stopped);
    }

    private void send(KafkaProducer<String, byte[]> producer, RouterTopics topics,
                      Alert alert) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(topics.alerts(), alert.slo(), alertCodec.encode(alert))).get();
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

    private static void createTopics(RouterTopics topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(
                    new NewTopic(topics.alerts(), 2, (short) 1),
                    new NewTopic(topics.commands(), 1, (short) 1),
                    new NewTopic(topics.silences(), 1, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(topics.notifications(), 1, (short) 1),
                    new NewTopic(topics.deadLetters(), 1, (short) 1),
                    new NewTopic(topics.incidentCommands(), 2, (short) 1),
                    new NewTopic(topics.incidents(), 1, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(topics.groups(), 2, (short) 1),
                    new NewTopic(topics.pages(), 2, (short) 1),
                    new NewTopic(topics.activeAlerts(), 1, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Reads only committed output, as the dispatcher does: aborted attempts must not count. */
    private static KafkaConsumer<String, byte[]> consumer(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "router-topology-it-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
