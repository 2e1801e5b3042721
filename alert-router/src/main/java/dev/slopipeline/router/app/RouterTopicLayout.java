package dev.slopipeline.router.app;

import dev.slopipeline.kit.kafka.WantedTopic;
import dev.slopipeline.router.delivery.service.DispatchTopics;
import dev.slopipeline.router.topology.RouterTopics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The router's topics as they are created when missing, with the broker's default replication. {@code slo.alerts}
 * belongs to the streams app, but is created here too when missing, so that either app can start first. Silences,
 * incidents and heartbeats are compacted (their latest record per key is the state), the delivery topics are as
 * {@link DispatchTopics} creates them, active alerts compacted; the rest are logs. Incident commands and pages, both
 * keyed by SLO, must reach the one task that holds the SLO's incidents: the commands get the partition count of
 * {@code slo.alerts}, whoever created it, and the pages that of the commands (an older deployment created the commands
 * with the count of {@code slo.alerts}; whatever it has, the pages follow it). Posted alerts share the routing tasks
 * of {@code slo.alerts}, so they get its partition count too.
 */
final class RouterTopicLayout {

    private RouterTopicLayout() {
    }

    /** @param heartbeats the topic the streams app publishes its heartbeats to, when the router watches it */
    static List<WantedTopic> of(RouterTopics topics, DispatchTopics dispatch, Optional<String> heartbeats) {
        int partitions = dispatch.partitions();
        List<WantedTopic> wanted = new ArrayList<>(List.of(
                log(topics.alerts(), partitions),
                log(topics.commands(), partitions),
                compacted(topics.silences(), partitions)));
        wanted.addAll(dispatch.wanted());
        wanted.addAll(List.of(
                log(topics.deadLetters(), partitions),
                WantedTopic.partitionedLike(topics.incidentCommands(), topics.alerts())
                        .withCleanupPolicy(TopicConfig.CLEANUP_POLICY_DELETE),
                compacted(topics.incidents(), partitions),
                log(topics.groups(), partitions),
                WantedTopic.partitionedLike(topics.pages(), topics.incidentCommands())
                        .withCleanupPolicy(TopicConfig.CLEANUP_POLICY_DELETE),
                // a firing alert's latest state, a tombstone once it resolves
                compacted(topics.activeAlerts(), partitions),
                // read by the routing task of the same partition of slo.alerts
                WantedTopic.partitionedLike(topics.postedAlerts(), topics.alerts())
                        .withCleanupPolicy(TopicConfig.CLEANUP_POLICY_DELETE)));
        // the latest heartbeat per instance is all that matters
        heartbeats.ifPresent(topic -> wanted.add(compacted(topic, partitions)));
        return wanted;
    }

    private static WantedTopic log(String name, int partitions) {
        return WantedTopic.withPartitions(name, partitions).withCleanupPolicy(TopicConfig.CLEANUP_POLICY_DELETE);
    }

    private static WantedTopic compacted(String name, int partitions) {
        return WantedTopic.withPartitions(name, partitions).withCleanupPolicy(TopicConfig.CLEANUP_POLICY_COMPACT);
    }
}
