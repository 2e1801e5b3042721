package dev.slopipeline.bench.kafka;

import dev.slopipeline.kit.kafka.KafkaFutures;
import dev.slopipeline.kit.kafka.TopicBootstrap;
import dev.slopipeline.kit.kafka.WantedTopic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The few admin questions the benchmarks ask: create a topic, where its partitions end, how far a group got. */
public final class Topics implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    public Topics(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Creates the topic unless it exists, and returns once the broker describes it. */
    public void create(String topic, int partitions) {
        new TopicBootstrap(admin, TIMEOUT).ensure(List.of(
                WantedTopic.withPartitions(topic, partitions).withReplication(Optional.of((short) 1))));
    }

    public Set<TopicPartition> partitions(String topic) {
        return KafkaFutures.await(admin.describeTopics(List.of(topic)).allTopicNames(), TIMEOUT, "describe " + topic)
                .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toSet());
    }

    /** The log end offset of every partition of these topics. */
    public Map<TopicPartition, Long> endOffsets(List<String> topics) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        topics.forEach(topic -> partitions(topic).forEach(p -> request.put(p, OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer = KafkaFutures.await(
                admin.listOffsets(request).all(), TIMEOUT, "list the offsets of " + topics);
        Map<TopicPartition, Long> ends = new HashMap<>();
        answer.forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** The offsets a consumer group committed, by partition (partitions it never committed are absent). */
    public Map<TopicPartition, Long> committed(String group) {
        Map<TopicPartition, OffsetAndMetadata> offsets = KafkaFutures.await(
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), TIMEOUT,
                "read the offsets of group " + group);
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    /** Bytes on the broker's disk of the topics whose names start with {@code prefix}. */
    public long sizeOnDisk(String prefix, int brokerId) {
        return KafkaFutures.await(admin.describeLogDirs(List.of(brokerId)).allDescriptions(), TIMEOUT,
                        "describe the log dirs")
                .get(brokerId).values().stream()
                .flatMap(dir -> dir.replicaInfos().entrySet().stream())
                .filter(entry -> entry.getKey().topic().startsWith(prefix))
                .mapToLong(entry -> entry.getValue().size())
                .sum();
    }

    public Duration timeout() {
        return TIMEOUT;
    }

    @Override
    public void close() {
        admin.close();
    }
}
