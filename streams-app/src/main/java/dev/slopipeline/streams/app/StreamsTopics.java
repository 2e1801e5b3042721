package dev.slopipeline.streams.app;

import dev.slopipeline.kit.kafka.KafkaFutures;
import dev.slopipeline.kit.kafka.TopicBootstrap;
import dev.slopipeline.kit.kafka.WantedTopic;
import dev.slopipeline.streams.publish.DefinitionsTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's topics, created when missing before the streams client needs them. Existing topics are left as they
 * are, whatever their partitions; one whose cleanup policy is not the one the app relies on is logged, because a
 * deleting {@code slo.status} or {@code slo.definitions} loses data without an error.
 */
public final class StreamsTopics {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsTopics.class);

    private StreamsTopics() {
    }

    /**
     * Compacted: the definitions (one partition, see {@link DefinitionsTopic}) and the status; the heartbeat
     * (one partition) compacted and deleted after a short time; the rest, the spans topic among them, delete.
     */
    public static List<WantedTopic> layout(StreamsAppConfig config) {
        Topics topics = config.topics();
        List<WantedTopic> layout = new ArrayList<>(List.of(
                topic(topics.requests(), config, TopicConfig.CLEANUP_POLICY_DELETE),
                topic(topics.health(), config, TopicConfig.CLEANUP_POLICY_DELETE),
                topic(topics.dlq(), config, TopicConfig.CLEANUP_POLICY_DELETE),
                DefinitionsTopic.layout(topics.definitions(), config.replication()),
                topic(topics.alerts(), config, TopicConfig.CLEANUP_POLICY_DELETE),
                topic(topics.status(), config, TopicConfig.CLEANUP_POLICY_COMPACT),
                WantedTopic.withPartitions(topics.heartbeat(), 1).withReplication(config.replication()).withConfigs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, Heartbeat.CLEANUP_POLICY,
                        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Heartbeat.RETENTION.toMillis()),
                        TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Heartbeat.SEGMENT.toMillis())))));
        // as many partitions as the request topic: more would give the streams app tasks its internal topics lack
        config.spans().topic().ifPresent(spans -> layout.add(WantedTopic.partitionedLike(spans, topics.requests())
                .withReplication(config.replication()).withCleanupPolicy(TopicConfig.CLEANUP_POLICY_DELETE)));
        return layout;
    }

    private static WantedTopic topic(String name, StreamsAppConfig config, String cleanupPolicy) {
        return WantedTopic.withPartitions(name, config.partitions()).withReplication(config.replication())
                .withCleanupPolicy(cleanupPolicy);
    }

    /**
     * @param timeout how long one admin call, or waiting for one topic to be described, may take
     * @return the names of the topics this call created; empty when all existed
     */
    public static List<String> ensure(Admin admin, StreamsAppConfig config, Duration timeout) {
        List<WantedTopic> wanted = layout(config);
        List<String> created = new TopicBootstrap(admin, timeout).ensure(wanted);
        warnAboutCleanupPolicies(admin, timeout, wanted.stream().filter(topic -> !created.contains(topic.name())).toList());
        return created;
    }

    private static void warnAboutCleanupPolicies(Admin admin, Duration timeout, List<WantedTopic> existing) {
        if (existing.isEmpty()) {
            return;
        }
        Map<ConfigResource, WantedTopic> byResource = existing.stream().collect(Collectors.toMap(
                topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), Function.identity()));
        Map<ConfigResource, Config> configs = KafkaFutures.await(admin.describeConfigs(byResource.keySet()).all(), timeout,
                "describe the topics");
        byResource.forEach((resource, topic) -> {
            String wanted = topic.configs().get(TopicConfig.CLEANUP_POLICY_CONFIG);
            String actual = configs.get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            if (!wanted.equals(actual)) {
                LOG.warn("Topic {} exists with cleanup.policy={}, but the app expects {}; change it with "
                        + "kafka-configs --alter --entity-type topics --entity-name {} --add-config cleanup.policy={}",
                        topic.name(), actual, wanted, topic.name(), wanted);
            }
        });
    }
}
