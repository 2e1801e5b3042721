package dev.slopipeline.kit.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A topic a client needs, as it is created when missing. A topic that exists is never changed to match.
 *
 * @param configs     topic configs such as {@code cleanup.policy} or {@code retention.ms}; the broker's for the rest
 * @param replication empty for the broker's default replication factor
 */
public record WantedTopic(String name, PartitionCount partitions, Map<String, String> configs,
        Optional<Short> replication) {

    public WantedTopic {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a wanted topic needs a name");
        }
        Objects.requireNonNull(partitions, "partitions");
        configs = Map.copyOf(configs);
        Objects.requireNonNull(replication, "replication");
        if (replication.isPresent() && replication.get() < 1) {
            throw new IllegalArgumentException("replication of " + name + " must be at least 1, was "
                    + replication.get());
        }
        if (partitions instanceof PartitionCount.SameAs sameAs && sameAs.source().equals(name)) {
            throw new IllegalArgumentException("topic " + name + " cannot take its partition count from itself");
        }
    }

    /** With no topic configs and the broker's default replication. */
    public static WantedTopic withPartitions(String name, int partitions) {
        return new WantedTopic(name, new PartitionCount.Fixed(partitions), Map.of(), Optional.empty());
    }

    /** As many partitions as {@code source}, for a topic keyed like it; no topic configs, default replication. */
    public static WantedTopic partitionedLike(String name, String source) {
        return new WantedTopic(name, new PartitionCount.SameAs(source), Map.of(), Optional.empty());
    }

    /** These configs in place of the ones set so far. */
    public WantedTopic withConfigs(Map<String, String> newConfigs) {
        return new WantedTopic(name, partitions, newConfigs, replication);
    }

    /** {@code cleanup.policy}, beside the configs set so far: {@code delete}, {@code compact} or both. */
    public WantedTopic withCleanupPolicy(String policy) {
        Map<String, String> changed = new HashMap<>(configs);
        changed.put(TopicConfig.CLEANUP_POLICY_CONFIG, policy);
        return withConfigs(changed);
    }

    /** @param newReplication empty for the broker's default */
    public WantedTopic withReplication(Optional<Short> newReplication) {
        return new WantedTopic(name, partitions, configs, newReplication);
    }

    /** The topic whose partition count this one takes; empty when it has a number of its own. */
    Optional<String> countSource() {
        return partitions instanceof PartitionCount.SameAs sameAs ? Optional.of(sameAs.source()) : Optional.empty();
    }

    /** The topic to create once its partition count is known. */
    NewTopic toNewTopic(int partitionCount) {
        return new NewTopic(name, Optional.of(partitionCount), replication).configs(configs);
    }
}
