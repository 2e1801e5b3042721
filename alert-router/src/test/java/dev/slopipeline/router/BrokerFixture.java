package dev.slopipeline.router;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertCodec;
import dev.slopipeline.testkafka.SharedKafka;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Kafka clients the router's tests use, on the cluster that every test class of the run shares
 * ({@link SharedKafka}); the clients are opened before the class's first test and closed after its last. A class
 * registers it as {@code @RegisterExtension static final BrokerFixture broker = new BrokerFixture();}. Other classes
 * use the same cluster, so each test uses topics, application ids and consumer groups of its own
 * ({@link SharedKafka#unique(String)}).
 */
public final class BrokerFixture implements BeforeAllCallback, AfterAllCallback {

    /** Long enough for a slow build machine, short enough that a hang fails the test rather than the build. */
    private static final long DEADLINE_SECONDS = 30;

    private final AlertCodec alerts = new AlertCodec();
    private String bootstrapServers;
    private KafkaProducer<String, byte[]> producer;
    private Admin admin;

    @Override
    public void beforeAll(ExtensionContext context) {
        bootstrapServers = SharedKafka.cluster(context).bootstrapServers();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (admin != null) {
            admin.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Writes a record and waits until the broker has it, so that what the test writes next comes after it. */
    public void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An SLO alert as the streams app writes it on {@code slo.alerts}: keyed by its SLO. */
    public void send(String topic, Alert alert) {
        send(topic, alert.slo(), alerts.encode(alert));
    }

    /**
     * A consumer in a group of its own that reads the topic from its start, and only what was committed, as the
     * router's own readers do: the output of an aborted transaction must not count.
     */
    public KafkaConsumer<String, byte[]> readCommitted(String topic, String groupId) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    public void createTopics(List<NewTopic> topics) throws Exception {
        admin.createTopics(topics).all().get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    /** The broker's admin client, for what the other methods do not cover; the fixture closes it. */
    public Admin admin() {
        return admin;
    }

    /**
     * Where a consumer group stands on a topic: its committed offsets summed over the partitions, empty before its
     * first commit there.
     */
    public OptionalLong committed(String groupId, String topic) {
        try {
            List<Long> offsets = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                    .get(DEADLINE_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                    .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                    .map(entry -> entry.getValue().offset())
                    .toList();
            return offsets.isEmpty() ? OptionalLong.empty()
                    : OptionalLong.of(offsets.stream().mapToLong(Long::longValue).sum());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the offsets of group " + groupId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
