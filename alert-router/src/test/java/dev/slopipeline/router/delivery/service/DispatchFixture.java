package dev.slopipeline.router.delivery.service;

import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.delivery.DeliveryOutcome;
import dev.slopipeline.router.delivery.http.JsonPoster;
import dev.slopipeline.router.notification.IntentCodec;
import dev.slopipeline.router.notification.Notification;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One test's view of the delivery topics on a shared broker: its own topics and consumer group, services built from
 * a router config, intents written as the router writes them, outcomes read back as a tool would.
 */
final class DispatchFixture {

    /** Long enough for a slow build machine, short enough that a hang fails the test rather than the build. */
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final BrokerFixture broker;
    final DispatchTopics topics;
    final String groupId;

    DispatchFixture(BrokerFixture broker) {
        this.broker = broker;
        String id = UUID.randomUUID().toString().substring(0, 8);
        // One partition, so intents are handled in the order the test writes them.
        this.topics = new DispatchTopics("notifications-" + id, "deliveries-" + id, 1);
        this.groupId = "dispatch-" + id;
    }

    static RouterConfig config(String yaml) {
        return RouterConfigLoader.parse("router.yml", yaml).orElseThrow();
    }

    /** A fresh registry each time: meters name the service they were registered for. */
    DeliveryService.Builder service(RouterConfig config) {
        return service(config, new SimpleMeterRegistry());
    }

    /** With a registry of the test's, to read the service's meters; give each service its own. */
    DeliveryService.Builder service(RouterConfig config, MeterRegistry registry) {
        Integrations integrations = new ReceiverFactory(JsonPoster.defaultClient(), Clock.systemUTC()).build(config);
        return DeliveryService.builder(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), integrations, registry)
                .settings(settings(DeliverySettings.DEFAULT_MAX_UNFINISHED_INTENTS, DeliverySettings.DEFAULT_COMMIT_INTERVAL))
                .retryPolicy(config.retryPolicy());
    }

    /** This fixture's group and topics, with the given bound and commit interval. */
    DeliverySettings settings(int maxUnfinishedIntents, Duration commitInterval) {
        return new DeliverySettings(groupId, topics, maxUnfinishedIntents, commitInterval);
    }

    /** This fixture's group and topics, joined as the static member {@code instanceId}, as a router joins it. */
    DeliverySettings settingsOfInstance(String instanceId) {
        return new DeliverySettings(groupId, Optional.of(instanceId), topics, DeliverySettings.DEFAULT_MAX_UNFINISHED_INTENTS,
                DeliverySettings.DEFAULT_COMMIT_INTERVAL);
    }

    void send(Notification intent) {
        sendRaw(intent.idempotencyKey(), new IntentCodec().encode(intent));
    }

    void sendRaw(String key, byte[] value) {
        broker.send(topics.notifications(), key, value);
    }

    /** Reads router.deliveries from the start until {@code done} holds for what was read. */
    List<DeliveryOutcome> outcomesUntil(Predicate<List<DeliveryOutcome>> done) {
        try (KafkaConsumer<String, byte[]> consumer = outcomeConsumer()) {
            List<DeliveryOutcome> read = new ArrayList<>();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!done.test(read)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("router.deliveries did not hold what was expected within " + DEADLINE
                            + "; it holds " + read);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(record -> read.add(decode(record)));
            }
            return read;
        }
    }

    /** Waits for the delivered outcome of {@code deliveryKey}, and returns everything read up to it. */
    List<DeliveryOutcome> outcomesUntilDelivered(String deliveryKey) {
        return outcomesUntil(read -> read.stream().anyMatch(o -> o instanceof DeliveryOutcome.Delivered
                && o.idempotencyKey().equals(deliveryKey)));
    }

    /**
     * Waits for a delivered outcome under a key derived from {@code deliveryKey}, as a notification reusing that key
     * for other content goes by, and returns the derived key.
     */
    String derivedKeyDelivered(String deliveryKey) {
        Predicate<DeliveryOutcome> derived = o -> o instanceof DeliveryOutcome.Delivered
                && o.idempotencyKey().startsWith(deliveryKey + "~");
        return outcomesUntil(read -> read.stream().anyMatch(derived)).stream()
                .filter(derived)
                .findFirst().orElseThrow()
                .idempotencyKey();
    }

    /** How many deliveries a service found under a key already used for other content. */
    static double keyConflicts(MeterRegistry registry) {
        return registry.get(IntentMetrics.KEY_CONFLICTS).counter().count();
    }

    /** Everything router.deliveries holds now. */
    List<DeliveryOutcome> allOutcomes() {
        try (KafkaConsumer<String, byte[]> consumer = outcomeConsumer()) {
            TopicPartition partition = new TopicPartition(topics.deliveries(), 0);
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<DeliveryOutcome> read = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> read.add(decode(record)));
            }
            return read;
        }
    }

    /** Where the service's group stands on router.notifications; -1 before its first commit. */
    long committedOffset() {
        return broker.committed(groupId, topics.notifications()).orElse(-1);
    }

    private KafkaConsumer<String, byte[]> outcomeConsumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        TopicPartition partition = new TopicPartition(topics.deliveries(), 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        return consumer;
    }

    private static DeliveryOutcome decode(ConsumerRecord<String, byte[]> record) {
        Decoded<DeliveryOutcome> decoded = new OutcomeCodec().decode(record.key(), record.value());
        if (decoded instanceof Decoded.Ok<DeliveryOutcome> ok) {
            return ok.value();
        }
        throw new AssertionError("unreadable outcome " + record.key() + ": " + decoded);
    }
}
