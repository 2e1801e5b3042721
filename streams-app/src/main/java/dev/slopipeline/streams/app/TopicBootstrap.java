package dev.slopipeline.streams.app;

import dev.slopipeline.streams.kafka.KafkaFutures;
import dev.slopipeline.streams.publish.DefinitionsTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the app's topics that do not exist yet, before the streams client needs them. Existing topics are
 * left as they are, whatever their partitions; one whose cleanup policy is not the one the app relies on is
 * logged, because a deleting {@code slo.status} or {@code slo.definitions} loses data without an error.
 */
public final class TopicBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(TopicBootstrap.class);

    private final Admin admin;
    private final Duration timeout;

    public TopicBootstrap(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * Compacted: the definitions (one partition, see {@link DefinitionsTopic}) and the status; the heartbeat
     * (one partition) compacted and deleted after a short time; the rest delete.
     */
    public static List<NewTopic> layout(StreamsAppConfig config) {
        Topics topics = config.topics();
        return List.of(
                topic(topics.requests(), config, TopicConfig.CLEANUP_POLICY_DELETE),
                topic(topics.health(), config, TopicConfig.CLEANUP_POLICY_DELETE),
                topic(topics.dlq(), config, TopicConfig.CLEANUP_POLICY_DELETE),
                DefinitionsTopic.layout(topics.definitions(), config.replication()),
                topic(topics.alerts(), config, TopicConfig.CLEANUP_POLICY_DELETE),
                topic(topics.status(), config, TopicConfig.CLEANUP_POLICY_COMPACT),
                new NewTopic(topics.heartbeat(), Optional.of(1), config.replication()).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, Heartbeat.CLEANUP_POLICY,
                        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Heartbeat.RETENTION.toMillis()),
                        TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Heartbeat.SEGMENT.toMillis()))));
    }

    private static NewTopic topic(String name, StreamsAppConfig config, String cleanupPolicy) {
        return new NewTopic(name, Optional.of(config.partitions()), config.replication())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy));
    }

    /** @return the names of the topics this call created; empty when all existed */
    public List<String> ensure(List<NewTopic> wanted) {
        Set<String> existing = get(admin.listTopics().names(), "list the topics");
        List<NewTopic> missing = wanted.stream().filter(topic -> !existing.contains(topic.name())).toList();
        warnAboutCleanupPolicies(wanted.stream().filter(topic -> existing.contains(topic.name())).toList());
        if (missing.isEmpty()) {
            return List.of();
        }
        CreateTopicsResult result = admin.createTopics(missing);
        List<String> created = new ArrayList<>();
        for (NewTopic topic : missing) {
            try {
                result.values().get(topic.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(topic.name());
                LOG.info("Created topic {} ({} partition(s), replication {}, cleanup.policy={})", topic.name(),
                        topic.numPartitions(), topic.replicationFactor() < 0 ? "broker default" : topic.replicationFactor(),
                        topic.configs().get(TopicConfig.CLEANUP_POLICY_CONFIG));
            } catch (ExecutionException e) {
                // another instance starting at the same moment created it first
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("Creating topic " + topic.name() + " took longer than " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating topic " + topic.name(), e);
            }
        }
        return created;
    }

    private void warnAboutCleanupPolicies(List<NewTopic> existing) {
        if (existing.isEmpty()) {
            return;
        }
        Map<ConfigResource, NewTopic> byResource = existing.stream().collect(Collectors.toMap(
                topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), Function.identity()));
        Map<ConfigResource, Config> configs = get(admin.describeConfigs(byResource.keySet()).all(), "describe the topics");
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

    private <T> T get(KafkaFuture<T> future, String doing) {
        return KafkaFutures.await(future, timeout, doing);
    }
}
