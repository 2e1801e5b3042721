package dev.slopipeline.streams.publish;

import dev.slopipeline.kit.kafka.KafkaFutures;
import dev.slopipeline.kit.kafka.TopicBootstrap;
import dev.slopipeline.kit.kafka.WantedTopic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The compacted {@code slo.definitions} topic: its layout, creating it, and reading what it holds now. */
public final class DefinitionsTopic {

    private final Map<String, Object> clientProperties;
    private final String name;
    private final Duration timeout;

    /**
     * @param clientProperties {@code bootstrap.servers} and any security settings, shared by every client
     * @param timeout how long one admin call, or reading the topic to its end, may take
     */
    public DefinitionsTopic(Map<String, Object> clientProperties, String name, Duration timeout) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.name = name;
        this.timeout = timeout;
    }

    /**
     * One partition: the topic is small, read whole by every instance (a global table), and a single
     * partition keeps every apply in one ordered log. Compacted, so it holds the latest document per key.
     *
     * @param replication empty for the broker's default
     */
    public static WantedTopic layout(String name, Optional<Short> replication) {
        return WantedTopic.withPartitions(name, 1).withReplication(replication)
                .withCleanupPolicy(TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    public String name() {
        return name;
    }

    public boolean exists() {
        Admin admin = Admin.create(clientProperties);
        try {
            return get(admin.listTopics().names(), "list the topics").contains(name);
        } finally {
            closeAtOnce(admin);
        }
    }

    /**
     * Past our own timeout nothing is waited for: a plain close would wait out the client's default
     * API timeout (a minute) for a call to an unreachable broker that we have already given up on.
     */
    private static void closeAtOnce(Admin admin) {
        admin.close(Duration.ZERO);
    }

    /** @return true if this call created it; another client creating it meanwhile is not an error */
    public boolean createIfMissing(Optional<Short> replication) {
        Admin admin = Admin.create(clientProperties);
        try {
            return new TopicBootstrap(admin, timeout).ensure(List.of(layout(name, replication))).contains(name);
        } finally {
            closeAtOnce(admin);
        }
    }

    private <T> T get(KafkaFuture<T> future, String doing) {
        return KafkaFutures.await(future, timeout, doing);
    }

    /**
     * Every key's latest value, tombstoned keys left out, reading committed records only: an apply in
     * progress is either all there or not at all. Empty when the topic does not exist.
     */
    public Map<String, String> readCurrent() {
        if (!exists()) {
            return Map.of();
        }
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(name, timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // The log end, not the last stable offset: just after an apply commits, its commit markers may
            // not be written yet, and reading only to the stable offset would miss the whole apply.
            Map<TopicPartition, Long> ends = logEnds(partitions);
            Map<String, String> current = new HashMap<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reachedEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Reading " + name + " to its end took longer than " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.value() == null) {
                        current.remove(record.key());
                    } else {
                        current.put(record.key(), record.value());
                    }
                }
            }
            return current;
        }
    }

    private Map<TopicPartition, Long> logEnds(List<TopicPartition> partitions) {
        Admin admin = Admin.create(clientProperties);
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = get(
                    admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all(),
                    "find the end of " + name);
            Map<TopicPartition, Long> ends = new HashMap<>();
            offsets.forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } finally {
            closeAtOnce(admin);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }
}
