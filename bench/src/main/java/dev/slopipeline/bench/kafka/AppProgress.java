package dev.slopipeline.bench.kafka;

import dev.slopipeline.streams.app.StreamsApp;
import dev.slopipeline.streams.topology.SloTopology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How far the streams app got, from outside: its committed offsets on the event topic and on its
 * repartition topic, polled every 100 ms.
 */
public final class AppProgress {

    /**
     * @param firstNanos    when a committed offset on the event topic was first seen
     * @param firstProgress records committed at that moment
     * @param doneNanos     when both topics were consumed to their end
     * @param sustainedCpu  CPU spent from the first observation to the end, by the process and by the stream threads
     */
    public record Drained(long firstNanos, long firstProgress, long doneNanos, CpuTimes sustainedCpu) {
    }

    private AppProgress() {
    }

    /**
     * Waits until the app has consumed {@code records} events of {@code topic} and everything on its repartition
     * topic (at most one transaction marker behind per partition).
     *
     * @throws IllegalStateException when the app fails or the deadline passes
     */
    public static Drained awaitDrained(Topics topics, StreamsApp app, String applicationId, String topic, long records,
                                       Duration deadline) {
        String repartition = SloTopology.countsRepartitionTopic(applicationId);
        long end = System.nanoTime() + deadline.toNanos();
        long firstNanos = 0;
        long firstProgress = 0;
        CpuTimes firstCpu = null;
        while (System.nanoTime() < end) {
            Map<TopicPartition, Long> committed = topics.committed(applicationId);
            long progress = sum(committed, topic);
            if (firstNanos == 0 && progress > 0) {
                firstNanos = System.nanoTime();
                firstProgress = progress;
                firstCpu = CpuTimes.now();
            }
            if (progress >= records && drained(topics.endOffsets(List.of(repartition)), committed)) {
                return new Drained(firstNanos, firstProgress, System.nanoTime(), CpuTimes.now().since(firstCpu));
            }
            if (app.state() == KafkaStreams.State.ERROR) {
                throw new IllegalStateException("the streams app failed");
            }
            Seconds.pause(100);
        }
        throw new IllegalStateException("the streams app did not consume " + topic + " to its end within " + deadline);
    }

    private static boolean drained(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed) {
        return ends.entrySet().stream().allMatch(e -> e.getValue() - committed.getOrDefault(e.getKey(), 0L) <= 1);
    }

    /** The offsets of one topic's partitions, added up. */
    public static long sum(Map<TopicPartition, Long> offsets, String topic) {
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic)).mapToLong(Map.Entry::getValue).sum();
    }
}
