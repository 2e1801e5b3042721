package dev.slopipeline.router.delivery.service;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a delivery service reads and commits intents: one value, handed over whole by the router's configuration.
 *
 * @param groupId              the consumer group of {@code router.notifications}; instances sharing it share the
 *                             partitions
 * @param groupInstanceId      this instance's static member id in that group: a restart with the same id takes its
 *                             partitions back at once instead of after the dead process's session; empty: a dynamic
 *                             member
 * @param maxUnfinishedIntents how many intents may be read and unfinished (a receiver down for long) before reading
 *                             pauses; reading resumes as deliveries finish, and what waits stays in
 *                             {@code router.notifications}
 * @param commitInterval       how often finished intents are committed; a longer one only means more intents are read
 *                             again, and skipped, after a crash
 */
public record DeliverySettings(String groupId, Optional<String> groupInstanceId, DispatchTopics topics,
                               int maxUnfinishedIntents, Duration commitInterval) {

    public static final int DEFAULT_MAX_UNFINISHED_INTENTS = 10_000;
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(1);

    public static final DeliverySettings DEFAULT = new DeliverySettings("slo-router-dispatch", DispatchTopics.DEFAULT,
            DEFAULT_MAX_UNFINISHED_INTENTS, DEFAULT_COMMIT_INTERVAL);

    public DeliverySettings {
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("groupId must be non-blank");
        }
        Objects.requireNonNull(groupInstanceId, "groupInstanceId");
        Objects.requireNonNull(topics, "topics");
        if (maxUnfinishedIntents < 1) {
            throw new IllegalArgumentException("maxUnfinishedIntents must be at least 1, was " + maxUnfinishedIntents);
        }
        if (commitInterval == null || commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("commitInterval must be positive, was " + commitInterval);
        }
    }

    /** A dynamic member of {@code groupId}. */
    public DeliverySettings(String groupId, DispatchTopics topics, int maxUnfinishedIntents, Duration commitInterval) {
        this(groupId, Optional.empty(), topics, maxUnfinishedIntents, commitInterval);
    }
}
