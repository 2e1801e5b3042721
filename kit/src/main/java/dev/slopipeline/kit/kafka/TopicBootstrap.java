package dev.slopipeline.kit.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the wanted topics that are missing, then waits until the broker describes every one of them, so that the
 * clients that start next find them all. Several clients may start at the same moment (instances of one app, or both
 * apps, each wanting the other's topics so that either can start first): a topic another client created first counts
 * as created. A topic partitioned like another takes the count that other has on the broker, whoever created it, and
 * is checked against it once described: a mismatch fails the start when the topic was created now, and is logged
 * when it existed before. Topics that exist are left as they are.
 */
public final class TopicBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(TopicBootstrap.class);
    private static final Duration DESCRIBE_AGAIN_AFTER = Duration.ofMillis(100);

    private final Admin admin;
    private final Duration timeout;

    /** @param timeout how long one admin call, or waiting for one topic to be described, may take */
    public TopicBootstrap(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * @return the names of the topics this call created; empty when all existed or others created them
     * @throws IllegalArgumentException when a topic is wanted twice, or topics take their counts from each other
     * @throws IllegalStateException    when Kafka refuses or does not answer in time, or a topic created now has
     *                                  another partition count than the topic it is partitioned like
     */
    public List<String> ensure(List<WantedTopic> wanted) {
        TopicPlan plan = TopicPlan.of(wanted);
        Set<String> existing = KafkaFutures.await(admin.listTopics().names(), timeout, "list the topics");
        List<String> created = new ArrayList<>(create(plan.numbered().stream()
                .filter(topic -> !existing.contains(topic.name()))
                .map(topic -> topic.toNewTopic(((PartitionCount.Fixed) topic.partitions()).count()))
                .toList()));
        for (WantedTopic topic : plan.partitionedLike()) {
            if (!existing.contains(topic.name())) {
                created.addAll(createLikeItsSource(topic));
            }
        }
        checkPartitionCounts(plan, existing);
        return created;
    }

    private List<String> createLikeItsSource(WantedTopic topic) {
        String source = topic.countSource().orElseThrow();
        int count = partitionCounts(List.of(source), "so " + topic.name() + " cannot be given as many partitions")
                .get(source);
        return create(List.of(topic.toNewTopic(count)));
    }

    /** Once the broker describes every topic: a wrong count fails a topic created now, and is logged for an old one. */
    private void checkPartitionCounts(TopicPlan plan, Set<String> existing) {
        Map<String, Integer> counts = partitionCounts(plan.awaited(), "so the clients starting now would not find them");
        for (PartitionMismatch mismatch : plan.mismatches(counts)) {
            if (!existing.contains(mismatch.topic())) {
                throw new IllegalStateException(mismatch.failure());
            }
            LOG.warn("{}", mismatch.warning());
        }
    }

    /** @return the names of the topics created; one another client created first is not among them */
    private List<String> create(List<NewTopic> missing) {
        if (missing.isEmpty()) {
            return List.of();
        }
        Map<String, KafkaFuture<Void>> answers = admin.createTopics(missing).values();
        List<String> created = new ArrayList<>();
        for (NewTopic topic : missing) {
            try {
                KafkaFutures.await(answers.get(topic.name()), timeout, "create topic " + topic.name());
                created.add(topic.name());
                LOG.info("Created topic {} ({})", topic.name(), layout(topic));
            } catch (IllegalStateException e) {
                // another client starting at the same moment created it first
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }

    private static String layout(NewTopic topic) {
        String replication = topic.replicationFactor() < 0 ? "broker default" : String.valueOf(topic.replicationFactor());
        String configs = topic.configs().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(config -> ", " + config.getKey() + "=" + config.getValue())
                .collect(Collectors.joining());
        return topic.numPartitions() + " partition(s), replication " + replication + configs;
    }

    /**
     * Asks until the broker describes every topic: one that exists, just created by this client or another, may not
     * be in the broker's metadata yet.
     *
     * @param otherwise what it means when a topic stays unknown, for the message
     */
    private Map<String, Integer> partitionCounts(Collection<String> topics, String otherwise) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>(topics);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, KafkaFuture<TopicDescription>> answers = admin.describeTopics(unknown).topicNameValues();
            for (String topic : List.copyOf(unknown)) {
                try {
                    TopicDescription description = KafkaFutures.await(answers.get(topic), timeout,
                            "describe topic " + topic);
                    counts.put(topic, description.partitions().size());
                    unknown.remove(topic);
                } catch (IllegalStateException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                }
            }
            if (unknown.isEmpty()) {
                return counts;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The broker still did not know topic(s) " + String.join(", ", unknown)
                        + " after " + timeout + ", " + otherwise);
            }
            pause(unknown);
        }
    }

    private static void pause(Set<String> awaited) {
        try {
            TimeUnit.MILLISECONDS.sleep(DESCRIBE_AGAIN_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for topic(s) " + String.join(", ", awaited), e);
        }
    }
}
