package dev.slopipeline.router.app;

import dev.slopipeline.router.delivery.service.DispatchTopics;
import dev.slopipeline.router.topology.RouterTopics;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the router's topics that are missing, with the broker's default replication factor. {@code slo.alerts}
 * belongs to the streams app, but is created here too when missing, so that either app can start first. Silences,
 * incidents and heartbeats are compacted (their latest record per key is the state), delivery outcomes compacted and
 * then deleted after their retention (see {@code DispatchTopics}), active alerts compacted; the rest are logs.
 * Incident commands and pages, both keyed by SLO, get the partition count of {@code slo.alerts} (or of the incident
 * commands topic, when it exists already). Topics that exist are left as they are.
 */
final class RouterTopicBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(RouterTopicBootstrap.class);

    private final Admin admin;
    private final Duration timeout;

    RouterTopicBootstrap(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    void ensure(RouterTopics topics, DispatchTopics dispatch) {
        ensure(topics, dispatch, Optional.empty());
    }

    /** @param heartbeats the topic the streams app publishes its heartbeats to, when the router watches it */
    void ensure(RouterTopics topics, DispatchTopics dispatch, Optional<String> heartbeats) {
        int partitions = dispatch.partitions();
        Map<String, Map<String, String>> cleanupPolicies = new LinkedHashMap<>();
        cleanupPolicies.put(topics.alerts(), cleanup(TopicConfig.CLEANUP_POLICY_DELETE));
        cleanupPolicies.put(topics.commands(), cleanup(TopicConfig.CLEANUP_POLICY_DELETE));
        cleanupPolicies.put(topics.silences(), cleanup(TopicConfig.CLEANUP_POLICY_COMPACT));
        cleanupPolicies.put(topics.notifications(), cleanup(TopicConfig.CLEANUP_POLICY_DELETE));
        cleanupPolicies.put(dispatch.deliveries(), dispatch.deliveriesConfigs());
        cleanupPolicies.put(topics.deadLetters(), cleanup(TopicConfig.CLEANUP_POLICY_DELETE));
        cleanupPolicies.put(topics.incidentCommands(), cleanup(TopicConfig.CLEANUP_POLICY_DELETE));
        cleanupPolicies.put(topics.incidents(), cleanup(TopicConfig.CLEANUP_POLICY_COMPACT));
        cleanupPolicies.put(topics.groups(), cleanup(TopicConfig.CLEANUP_POLICY_DELETE));
        cleanupPolicies.put(topics.pages(), cleanup(TopicConfig.CLEANUP_POLICY_DELETE));
        // a firing alert's latest state, a tombstone once it resolves
        cleanupPolicies.put(topics.activeAlerts(), cleanup(TopicConfig.CLEANUP_POLICY_COMPACT));
        // the latest heartbeat per instance is all that matters
        heartbeats.ifPresent(topic -> cleanupPolicies.put(topic, cleanup(TopicConfig.CLEANUP_POLICY_COMPACT)));

        Set<String> existing = new HashSet<>(get(admin.listTopics().names(), "list the topics"));
        // Pages and incident commands are both keyed by SLO and must reach the one task that holds the SLO's incidents:
        // the two topics need the same partition count. They take that of the commands topic when it exists (an older
        // deployment created it with the count of slo.alerts), else that of slo.alerts, whoever created it.
        int sloPartitions;
        if (existing.contains(topics.incidentCommands())) {
            sloPartitions = partitionsOf(topics.incidentCommands());
        } else {
            sloPartitions = alertsPartitions(topics.alerts(), partitions, cleanupPolicies.get(topics.alerts()));
            existing.add(topics.alerts());
        }
        Map<String, Integer> partitionCounts = new LinkedHashMap<>();
        cleanupPolicies.keySet().forEach(name -> partitionCounts.put(name,
                name.equals(topics.incidentCommands()) || name.equals(topics.pages()) ? sloPartitions : partitions));
        List<NewTopic> missing = cleanupPolicies.entrySet().stream()
                .filter(topic -> !existing.contains(topic.getKey()))
                .map(topic -> new NewTopic(topic.getKey(), Optional.of(partitionCounts.get(topic.getKey())),
                        Optional.empty()).configs(topic.getValue()))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        admin.createTopics(missing).values().forEach((name, created) -> {
            try {
                get(created, "create topic " + name);
                LOG.info("created topic {} ({} partitions, {})", name, partitionCounts.get(name),
                        cleanupPolicies.get(name));
            } catch (IllegalStateException e) {
                // Another instance, or the streams app, created it at the same moment.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        });
        // the clients that start next must find every topic, so wait until the broker's metadata has them all
        cleanupPolicies.keySet().forEach(this::partitionsOf);
    }

    /**
     * The partition count of the alerts topic, created with {@code partitions} when missing. A topic another client
     * created a moment ago may not be listed yet, so it is not taken as missing: creating it says whether it exists.
     */
    private int alertsPartitions(String alerts, int partitions, Map<String, String> configs) {
        try {
            get(admin.createTopics(List.of(new NewTopic(alerts, Optional.of(partitions), Optional.empty())
                    .configs(configs))).all(), "create topic " + alerts);
            LOG.info("created topic {} ({} partitions, {})", alerts, partitions, configs);
            return partitions;
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            return partitionsOf(alerts);
        }
    }

    /** Asks until the broker describes the topic: one that exists may not be in its metadata yet. */
    private int partitionsOf(String topic) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return get(admin.describeTopics(List.of(topic)).allTopicNames(), "describe topic " + topic).get(topic)
                        .partitions().size();
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for topic " + topic, interrupted);
                }
            }
        }
    }

    private static Map<String, String> cleanup(String policy) {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, policy);
    }

    private <T> T get(KafkaFuture<T> future, String doing) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot " + doing + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not " + doing + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + doing, e);
        }
    }
}
