package dev.slopipeline.faults.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Everything committed on one topic since it began, read as the router or an operator would:
 * {@code read_committed}, so aborted exactly-once attempts never show.
 */
public final class TopicTail implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

    public TopicTail(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, Map.of());
    }

    /** With extra client settings, e.g. TLS. */
    public TopicTail(String bootstrapServers, String topic, Map<String, Object> clientSettings) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.assign(consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList());
    }

    /** Reads what arrived since the last call; every record so far stays in {@link #records()}. */
    public List<ConsumerRecord<byte[], byte[]>> poll() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            records.add(record);
        }
        return records;
    }

    public List<ConsumerRecord<byte[], byte[]>> records() {
        return records;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
