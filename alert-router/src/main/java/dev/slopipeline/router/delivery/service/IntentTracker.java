package dev.slopipeline.router.delivery.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which intents read from {@code router.notifications} are not final yet, and so how far each partition may be
 * committed: up to, and not including, its earliest intent with a delivery whose final outcome is not yet recorded on
 * {@code router.deliveries}. Everything after that intent is read again after a restart and skipped by its recorded
 * outcomes. Thread-safe: the poller tracks and commits, the producer's callbacks finish deliveries.
 */
final class IntentTracker {

    private final Map<TopicPartition, Partition> partitions = new HashMap<>();
    /** Delivery key → the intents waiting for it; more than one only when an intent was written twice. */
    private final Map<String, Set<Position>> waiting = new HashMap<>();

    private record Position(TopicPartition partition, long offset) {
    }

    private static final class Partition {
        /** Offset → the delivery keys that intent still waits for. */
        final TreeMap<Long, Set<String>> unfinished = new TreeMap<>();
        /** The offset after the last intent tracked: the commit position once nothing is unfinished. */
        long end = -1;
        long committed = -1;
    }

    /** An intent read at {@code offset}, waiting for the final outcomes of {@code deliveryKeys} (maybe none). */
    synchronized void track(TopicPartition partition, long offset, Collection<String> deliveryKeys) {
        Partition state = partitions.computeIfAbsent(partition, p -> new Partition());
        state.end = Math.max(state.end, offset + 1);
        if (deliveryKeys.isEmpty()) {
            return;
        }
        state.unfinished.put(offset, new HashSet<>(deliveryKeys));
        Position position = new Position(partition, offset);
        deliveryKeys.forEach(key -> waiting.computeIfAbsent(key, k -> new HashSet<>()).add(position));
    }

    /** The final outcome of a delivery is recorded: no intent waits for it any longer. */
    synchronized void finished(String deliveryKey) {
        Set<Position> positions = waiting.remove(deliveryKey);
        if (positions == null) {
            return;
        }
        for (Position position : positions) {
            Partition state = partitions.get(position.partition());
            Set<String> keys = state.unfinished.get(position.offset());
            keys.remove(deliveryKey);
            if (keys.isEmpty()) {
                state.unfinished.remove(position.offset());
            }
        }
    }

    /** For each partition whose commit position moved since the last commit, the new position. */
    synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        partitions.forEach((partition, state) -> {
            long position = state.unfinished.isEmpty() ? state.end : state.unfinished.firstKey();
            if (position > state.committed) {
                offsets.put(partition, new OffsetAndMetadata(position));
            }
        });
        return offsets;
    }

    synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            Partition state = partitions.get(partition);
            if (state != null) {
                state.committed = Math.max(state.committed, offset.offset());
            }
        });
    }

    /**
     * Stops tracking partitions this instance no longer owns.
     *
     * @return the delivery keys no remaining intent waits for, which this instance should stop delivering
     */
    synchronized Set<String> forget(Collection<TopicPartition> gone) {
        Set<String> orphaned = new HashSet<>();
        for (TopicPartition partition : gone) {
            Partition state = partitions.remove(partition);
            if (state == null) {
                continue;
            }
            state.unfinished.forEach((offset, keys) -> keys.forEach(key -> {
                Set<Position> positions = waiting.get(key);
                positions.remove(new Position(partition, offset));
                if (positions.isEmpty()) {
                    waiting.remove(key);
                    orphaned.add(key);
                }
            }));
        }
        return orphaned;
    }

    /** Intents read and not yet final: the lag that matters, of notifications not yet told or given up on. */
    synchronized int unfinished() {
        return partitions.values().stream().mapToInt(state -> state.unfinished.size()).sum();
    }
}
