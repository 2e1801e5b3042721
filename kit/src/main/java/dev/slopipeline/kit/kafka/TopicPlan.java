package dev.slopipeline.kit.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wanted topics checked and put in an order they can be created in: first those with a number of partitions, as
 * given, then each topic partitioned like another after that other. Pure, so it is tested without a broker.
 */
final class TopicPlan {

    private final Map<String, WantedTopic> byName;
    private final List<WantedTopic> numbered;
    private final List<WantedTopic> partitionedLike;

    private TopicPlan(Map<String, WantedTopic> byName, List<WantedTopic> numbered,
            List<WantedTopic> partitionedLike) {
        this.byName = byName;
        this.numbered = numbered;
        this.partitionedLike = partitionedLike;
    }

    /** @throws IllegalArgumentException when a topic is wanted twice, or topics take their counts from each other */
    static TopicPlan of(List<WantedTopic> wanted) {
        Map<String, WantedTopic> byName = new LinkedHashMap<>();
        for (WantedTopic topic : wanted) {
            if (byName.putIfAbsent(topic.name(), topic) != null) {
                throw new IllegalArgumentException("topic " + topic.name() + " is wanted twice");
            }
        }
        List<WantedTopic> numbered = wanted.stream()
                .filter(topic -> topic.partitions() instanceof PartitionCount.Fixed)
                .toList();
        Set<String> ordered = new LinkedHashSet<>();
        for (WantedTopic topic : wanted) {
            if (topic.partitions() instanceof PartitionCount.SameAs) {
                placeAfterItsSource(topic, byName, ordered, new LinkedHashSet<>());
            }
        }
        return new TopicPlan(byName, numbered, ordered.stream().map(byName::get).toList());
    }

    private static void placeAfterItsSource(WantedTopic topic, Map<String, WantedTopic> byName, Set<String> ordered,
            Set<String> chain) {
        if (ordered.contains(topic.name())) {
            return;
        }
        if (!chain.add(topic.name())) {
            throw new IllegalArgumentException("topics " + String.join(" -> ", chain) + " -> " + topic.name()
                    + " take their partition count from each other: one of them needs a number");
        }
        topic.countSource().map(byName::get)
                .filter(source -> source.partitions() instanceof PartitionCount.SameAs)
                .ifPresent(source -> placeAfterItsSource(source, byName, ordered, chain));
        ordered.add(topic.name());
    }

    /** The topics with a number of partitions, in the order wanted; they can all be created at once. */
    List<WantedTopic> numbered() {
        return numbered;
    }

    /** The topics partitioned like another, each after the wanted topic whose count it takes. */
    List<WantedTopic> partitionedLike() {
        return partitionedLike;
    }

    /**
     * What the broker must describe before the clients start: every wanted topic, and every topic one of them takes
     * its count from, wanted or not.
     */
    Set<String> awaited() {
        Set<String> names = new LinkedHashSet<>(byName.keySet());
        partitionedLike.forEach(topic -> names.add(topic.countSource().orElseThrow()));
        return names;
    }

    /**
     * @param partitionCounts the partition count of every {@link #awaited() awaited} topic
     * @return each topic partitioned like another whose count differs from that other's
     */
    List<PartitionMismatch> mismatches(Map<String, Integer> partitionCounts) {
        List<PartitionMismatch> mismatches = new ArrayList<>();
        for (WantedTopic topic : partitionedLike) {
            String source = topic.countSource().orElseThrow();
            int partitions = countOf(topic.name(), partitionCounts);
            int sourcePartitions = countOf(source, partitionCounts);
            if (partitions != sourcePartitions) {
                mismatches.add(new PartitionMismatch(topic.name(), partitions, source, sourcePartitions));
            }
        }
        return mismatches;
    }

    private static int countOf(String topic, Map<String, Integer> partitionCounts) {
        Integer count = partitionCounts.get(topic);
        if (count == null) {
            throw new IllegalArgumentException("no partition count of " + topic + " among " + partitionCounts);
        }
        return count;
    }
}
