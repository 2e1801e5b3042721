package dev.slopipeline.router.dispatch;

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
 * ({@code cleanup.policy=delete}); outcomes are compacted, so the latest outcome of every delivery key stays readable
 * for as long as its intent might be read again. Both get the broker's default replication factor.
 *
 * @param partitions partitions of each topic when this creates it; intents of one partition are committed in order,
 *                   so more partitions also mean a slow delivery holds back fewer commits
 */
public record DispatchTopics(String notifications, String deliveries, int partitions) {

    public static final DispatchTopics DEFAULT = new DispatchTopics("router.notifications", "router.deliveries", 3);

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
            missing.add(topic(notifications, TopicConfig.CLEANUP_POLICY_DELETE));
        }
        if (!existing.contains(deliveries)) {
            missing.add(topic(deliveries, TopicConfig.CLEANUP_POLICY_COMPACT));
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

    private NewTopic topic(String name, String cleanupPolicy) {
        return new NewTopic(name, Optional.of(partitions), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy));
    }
}
