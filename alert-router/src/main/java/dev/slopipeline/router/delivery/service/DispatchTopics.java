package dev.slopipeline.router.delivery.service;

import dev.slopipeline.kit.kafka.WantedTopic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The two topics of delivery and how they are created when missing: intents expire like any event log
 * ({@code cleanup.policy=delete}, the broker's retention, 7 days by default); outcomes are keyed by delivery key and
 * compacted, then deleted after {@code deliveriesRetention} ({@code cleanup.policy=compact,delete}). Compaction keeps
 * the latest outcome of every key, and a delivery's final outcome is always its latest, so the restart skip (read
 * {@code router.deliveries} to its end, skip what is final) sees every final outcome for as long as it is kept. An
 * intent is only read again while uncommitted, or from the start of {@code router.notifications} if the group's
 * offsets were lost; so keep {@code deliveriesRetention} at least as long as the notifications' retention and the
 * skip never misses an intent that can still be read. Both get the broker's default replication factor.
 *
 * @param partitions          partitions of each topic when this creates it; intents of one partition are committed
 *                            in order, so more partitions also mean a slow delivery holds back fewer commits
 * @param deliveriesRetention how long an outcome is kept after its last update ({@code retention.ms})
 */
public record DispatchTopics(String notifications, String deliveries, int partitions, Duration deliveriesRetention) {

    /** Longer than the broker's default retention of intents (7 days), so no intent outlives its outcome. */
    public static final Duration DEFAULT_DELIVERIES_RETENTION = Duration.ofDays(30);

    public static final DispatchTopics DEFAULT = new DispatchTopics("router.notifications", "router.deliveries", 3);

    /** With the default retention of outcomes. */
    public DispatchTopics(String notifications, String deliveries, int partitions) {
        this(notifications, deliveries, partitions, DEFAULT_DELIVERIES_RETENTION);
    }

    public DispatchTopics {
        if (notifications == null || notifications.isBlank() || deliveries == null || deliveries.isBlank()) {
            throw new IllegalArgumentException("both topic names must be non-blank");
        }
        if (notifications.equals(deliveries)) {
            throw new IllegalArgumentException("intents and outcomes need two different topics, both were "
                    + notifications);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (deliveriesRetention == null || deliveriesRetention.isNegative() || deliveriesRetention.isZero()) {
            throw new IllegalArgumentException("deliveriesRetention must be positive, was " + deliveriesRetention);
        }
    }

    /** Both topics as they are created when missing; one another instance made meanwhile is fine. */
    public List<WantedTopic> wanted() {
        return List.of(
                WantedTopic.withPartitions(notifications, partitions)
                        .withCleanupPolicy(TopicConfig.CLEANUP_POLICY_DELETE),
                WantedTopic.withPartitions(deliveries, partitions).withConfigs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, Long.toString(deliveriesRetention.toMillis()))));
    }
}
