package dev.slopipeline.bench.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/** The few admin questions the benchmarks ask: create a topic, where its partitions end, how far a group got. */
public final class Topics implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;

    public Topics(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    public void create(String topic, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + topic, e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("could not create " + topic, e);
        }
    }

    public Set<TopicPartition> partitions(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not describe " + topic, e);
        }
    }

    /** The log end offset of every partition of these topics. */
    public Map<TopicPartition, Long> endOffsets(List<String> topics) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        topics.forEach(topic -> partitions(topic).forEach(p -> request.put(p, OffsetSpec.latest())));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer =
                    admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, Long> ends = new HashMap<>();
            answer.forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not list offsets of " + topics, e);
        }
    }

    /** The offsets a consumer group committed, by partition (partitions it never committed are absent). */
    public Map<TopicPartition, Long> committed(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, Long> committed = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    committed.put(partition, offset.offset());
                }
            });
            return committed;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the offsets of group " + group, e);
        }
    }

    /** Bytes on the broker's disk of the topics whose names start with {@code prefix}. */
    public long sizeOnDisk(String prefix, int brokerId) {
        try {
            return admin.describeLogDirs(List.of(brokerId)).allDescriptions().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(brokerId).values().stream()
                    .flatMap(dir -> dir.replicaInfos().entrySet().stream())
                    .filter(entry -> entry.getKey().topic().startsWith(prefix))
                    .mapToLong(entry -> entry.getValue().size())
                    .sum();
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not describe the log dirs", e);
        }
    }

    public Duration timeout() {
        return Duration.ofSeconds(TIMEOUT_SECONDS);
    }

    @Override
    public void close() {
        admin.close();
    }
}
