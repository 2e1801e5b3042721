package dev.slopipeline.router.delivery.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

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

    /** The topic configs of {@code router.deliveries} when created. */
    public Map<String, String> deliveriesConfigs() {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(deliveriesRetention.toMillis()));
    }

    /** Creates whichever topic is missing; one made meanwhile by another instance is fine. */
    void ensure(Admin admin, Duration timeout) throws InterruptedException, TimeoutException {
        Set<String> existing;
        try {
            existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
        }
        List<NewTopic> missing = new ArrayList<>();
        if (!existing.contains(notifications)) {
            missing.add(topic(notifications, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                    TopicConfig.CLEANUP_POLICY_DELETE)));
        }
        if (!existing.contains(deliveries)) {
            missing.add(topic(deliveries, deliveriesConfigs()));
        }
        if (missing.isEmpty()) {
            return;
        }
        for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(missing).values().entrySet()) {
            try {
                created.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + created.getKey() + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
            }
        }
    }

    private NewTopic topic(String name, Map<String, String> configs) {
        return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
    }
}
