package dev.slopipeline.router.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.broker.EmbeddedKafkaBroker;
import dev.slopipeline.definitions.alert.AlertCodec;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.notification.IntentCodec;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.oncall.escalation.TimelineEntry;
import dev.slopipeline.router.oncall.incident.Incident;
import dev.slopipeline.router.oncall.incident.IncidentJson;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incident escalating on a real broker, exactly once, across a stop: the router comes back after the level's delay
 * ran out (its clock is set three minutes ahead, as if it had been down that long), fires the overdue escalation at
 * once, and pages nobody twice.
 */
@Tag("integration")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class IncidentRestartIntegrationTest {

    private static final String CONFIG = """
            route:
              receiver: pager
              group_by: [slo]
              group_wait: 0s
              group_interval: 1m
              repeat_interval: 1h
            receivers:
            - name: pager
            - name: oncall-email
              webhook_configs: [{url: 'http://hooks.example/email', send_resolved: true}]
            users:
              - {name: alice, time_zone: UTC, contacts: [{type: email, address: alice@example.com}]}
              - {name: bob, time_zone: UTC, contacts: [{type: email, address: bob@example.com}]}
            escalation_policies:
              - name: payments
                levels:
                  - {users: [alice], delay: 1m}
                  - {users: [bob]}
            paging:
              receivers: {pager: payments}
              contacts: {email: oncall-email}
            """;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration DOWNTIME = Duration.ofMinutes(3);
    private static final String SLO = "checkout-availability";

    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path stateDir;

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
    void shouldFireTheEscalationThatCameDueWhileDownAtOnceAndPageNobodyTwice() throws Exception {
        RouterTopics topics = RouterTopics.withSuffix(".it-incident-restart");
        createTopics(topics);
        String applicationId = "router-incident-restart";
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> pages = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer();
             KafkaConsumer<String, byte[]> notifications = consumer(topics.notifications());
             KafkaConsumer<String, byte[]> incidents = consumer(topics.incidents())) {
            Running first = start(applicationId, topics, Duration.ZERO);
            producer.send(new ProducerRecord<>(topics.alerts(), SLO,
                    new AlertCodec().encode(SloAlertSamples.firing(SLO, Severity.PAGE, Map.of(), startedAt)))).get();
            awaitPage(notifications, pages, "alice@example.com");
            first.stopAtOnce();

            Running second = start(applicationId, topics, DOWNTIME);
            try {
                awaitPage(notifications, pages, "bob@example.com");
                long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                while (System.nanoTime() < end) {
                    pages.addAll(pages(notifications));
                }
                assertThat(pages).containsExactly("alice@example.com", "bob@example.com");

                Incident latest = null;
                long quiet = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                while (System.nanoTime() < quiet) {
                    for (ConsumerRecord<String, byte[]> record : incidents.poll(Duration.ofMillis(200))) {
                        latest = IncidentJson.read(record.value());
                    }
                }
                assertThat(latest).isNotNull();
                assertThat(latest.level()).isEqualTo(2);
                assertThat(latest.timeline()).filteredOn(TimelineEntry.Escalated.class::isInstance).singleElement()
                        .satisfies(entry -> assertThat(entry.describe()).contains("router was down"));
            } finally {
                second.stopAtOnce();
            }
        }
    }

    /** Polls, collecting pages, until {@code address} was paged; fails at the deadline. */
    private static void awaitPage(KafkaConsumer<String, byte[]> consumer, List<String> pages, String address) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!pages.contains(address)) {
            assertThat(System.nanoTime()).as("waiting for a page to %s; pages so far %s", address, pages)
                    .isLessThan(deadline);
            pages.addAll(pages(consumer));
        }
    }

    /** The addresses paged in what arrives within a short poll. */
    private static List<String> pages(KafkaConsumer<String, byte[]> consumer) {
        List<String> addresses = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            Decoded<Notification> decoded = new IntentCodec().decode(record.key(), record.value());
            Notification notification = ((Decoded.Ok<Notification>) decoded).value();
            if (notification.receiver().equals("oncall-email")) {
                addresses.add(notification.commonAnnotations().get("oncall_address"));
            }
        }
        return addresses;
    }

    private record Running(KafkaStreams streams, CountDownLatch stopped) {
        void stopAtOnce() throws InterruptedException {
            streams.close(CloseOptions.timeout(Duration.ZERO)
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            assertThat(stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("streams client stopped").isTrue();
        }
    }

    private Running start(String applicationId, RouterTopics topics, Duration ahead) {
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
        KafkaStreams streams = new KafkaStreams(RouterTopology.build(topologyConfig), properties, new AheadTime(ahead));
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        streams.start();
        return new Running(streams, stopped);
    }

    /** The system clock, a fixed time ahead: the wall clock of a router that was down that long. */
    private record AheadTime(Duration ahead) implements Time {

        @Override
        public long milliseconds() {
            return Time.SYSTEM.milliseconds() + ahead.toMillis();
        }

        @Override
        public long nanoseconds() {
            return Time.SYSTEM.nanoseconds();
        }

        @Override
        public void sleep(long ms) {
            Time.SYSTEM.sleep(ms);
        }

        @Override
        public void waitObject(Object lock, Supplier<Boolean> condition, long deadlineMs) throws InterruptedException {
            Time.SYSTEM.waitObject(lock, condition, deadlineMs - ahead.toMillis());
        }
    }

    private static void createTopics(RouterTopics topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(
                    new NewTopic(topics.alerts(), 1, (short) 1),
                    new NewTopic(topics.commands(), 1, (short) 1),
                    new NewTopic(topics.silences(), 1, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(topics.notifications(), 1, (short) 1),
                    new NewTopic(topics.deadLetters(), 1, (short) 1),
                    new NewTopic(topics.incidentCommands(), 1, (short) 1),
                    new NewTopic(topics.incidents(), 1, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(topics.groups(), 2, (short) 1),
                    new NewTopic(topics.pages(), 1, (short) 1),
                    new NewTopic(topics.activeAlerts(), 1, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "incident-restart-reader-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
