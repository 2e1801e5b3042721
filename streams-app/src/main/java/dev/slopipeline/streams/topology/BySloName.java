package dev.slopipeline.streams.topology;

import dev.slopipeline.definitions.model.SeriesKey;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions the SLO inputs by the SLO a series key names, so that every series of a split SLO is judged by one
 * task: its {@code maxSeries} then holds for the whole SLO, and one health result reaches all its series. An SLO
 * that is not split is keyed by its bare name, which hashes here exactly as Kafka's own partitioner hashes it, so
 * its partition (and the state behind it) stays where it was before series existed.
 */
public final class BySloName<V> implements StreamPartitioner<String, V> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        byte[] slo = SeriesKey.sloOf(key).getBytes(StandardCharsets.UTF_8);
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(slo)) % numPartitions));
    }
}
