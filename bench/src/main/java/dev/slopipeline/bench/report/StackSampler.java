package dev.slopipeline.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time goes, by sampling: the JDK Flight Recorder's execution samples of the threads
 * running Java code, counted by the method on top of the stack (self) and by every method on the
 * stack (inclusive).
 */
public final class StackSampler implements AutoCloseable {

    /** A method and the share of samples it was in. */
    public record Frame(String method, long samples, double share) {
    }

    /** The samples counted. */
    public record Profile(long samples, List<Frame> self, List<Frame> inclusive, List<Frame> owners, List<Frame> threads) {
    }

    /** Whose code a sample is in: the first frame from the top outside the JDK, by these prefixes, first match wins. */
    private static final List<String[]> OWNERS = List.of(
            new String[] {"org.apache.kafka.streams.TopologyTestDriver", "Kafka Streams test driver (TopologyTestDriver)"},
            new String[] {"org.apache.kafka.streams.TestInputTopic", "Kafka Streams test driver (TopologyTestDriver)"},
            new String[] {"org.apache.kafka.streams.state", "Kafka Streams state stores (RocksDB, caches, changelogging)"},
            new String[] {"org.rocksdb", "Kafka Streams state stores (RocksDB, caches, changelogging)"},
            new String[] {"org.apache.kafka.streams", "Kafka Streams runtime"},
            new String[] {"kafka.", "Kafka broker (same JVM)"},
            new String[] {"org.apache.kafka.storage", "Kafka broker (same JVM)"},
            new String[] {"org.apache.kafka.server", "Kafka broker (same JVM)"},
            new String[] {"org.apache.kafka.raft", "Kafka broker (same JVM)"},
            new String[] {"org.apache.kafka.metadata", "Kafka broker (same JVM)"},
            new String[] {"org.apache.kafka.coordinator", "Kafka broker (same JVM)"},
            new String[] {"org.apache.kafka.network", "Kafka broker (same JVM)"},
            new String[] {"org.apache.kafka.clients.producer", "Kafka producer"},
            new String[] {"org.apache.kafka.clients.consumer", "Kafka consumer"},
            new String[] {"org.apache.kafka", "Kafka clients and common (network, records, metrics)"},
            new String[] {"com.fasterxml.jackson", "Jackson (JSON)"},
            new String[] {"dev.slopipeline.streams.replay", "slo-pipeline replay (reading, ordering, printing)"},
            new String[] {"dev.slopipeline.streams.window", "slo-pipeline windows"},
            new String[] {"dev.slopipeline.streams.evaluate", "slo-pipeline alert evaluation"},
            new String[] {"dev.slopipeline.streams.aggregate", "slo-pipeline aggregation and stores"},
            new String[] {"dev.slopipeline.streams.store", "slo-pipeline aggregation and stores"},
            new String[] {"dev.slopipeline.streams.ingest", "slo-pipeline decode and classify"},
            new String[] {"dev.slopipeline.streams.classify", "slo-pipeline decode and classify"},
            new String[] {"dev.slopipeline.definitions", "slo-pipeline codecs (events, alerts)"},
            new String[] {"dev.slopipeline", "slo-pipeline, other"});

    private final Recording recording = new Recording();

    public StackSampler(Duration period) {
        recording.enable("jdk.ExecutionSample").withPeriod(period).withStackTrace();
        recording.setToDisk(true);
        recording.start();
    }

    /** Stops sampling, writes the recording to {@code file} and counts its samples. */
    public Profile stop(Path file, int top) throws IOException {
        recording.stop();
        recording.dump(file);
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> owners = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            self.merge(name(frames.get(0)), 1L, Long::sum);
            owners.merge(owner(frames), 1L, Long::sum);
            threads.merge(threadKind(event), 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (seen.add(name)) {
                    inclusive.merge(name, 1L, Long::sum);
                }
            }
        }
        return new Profile(samples, top(self, samples, top), top(inclusive, samples, top), top(owners, samples, OWNERS.size() + 1),
                top(threads, samples, 12));
    }

    /** The thread's name with its numbers and ids taken out, so that a pool counts as one. */
    private static String threadKind(RecordedEvent event) {
        jdk.jfr.consumer.RecordedThread thread = event.getThread("sampledThread");
        return poolName(thread == null || thread.getJavaName() == null ? "unknown" : thread.getJavaName());
    }

    /** A thread's name with its numbers and ids taken out, so that a pool counts as one. */
    public static String poolName(String threadName) {
        return threadName.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f-]{14,}", "<id>").replaceAll("[0-9]+", "N");
    }

    /** The profile as report tables: by thread, by whose code, top frames self, and inclusive for frames the filter keeps. */
    public static void addTo(BenchReport report, Profile profile, int top, java.util.function.Predicate<String> inclusiveFilter) {
        BenchReport.Table threads = report.table("Samples by thread", "thread", "samples", "% of samples");
        profile.threads().forEach(f -> threads.row("`" + f.method() + "`", f.samples(), percent(f)));
        BenchReport.Table owners = report.table("Whose code the samples are in (first frame outside the JDK)",
                "code", "samples", "% of samples");
        profile.owners().forEach(f -> owners.row(f.method(), f.samples(), percent(f)));
        BenchReport.Table self = report.table("Top frames, self time", "method", "samples", "% of samples");
        profile.self().stream().limit(top).forEach(f -> self.row("`" + f.method() + "`", f.samples(), percent(f)));
        BenchReport.Table inclusive = report.table("Top frames of the project's code, inclusive time",
                "method", "samples", "% of samples");
        profile.inclusive().stream()
                .filter(f -> f.share() < 99.9)
                .filter(f -> inclusiveFilter.test(f.method()))
                .limit(top)
                .forEach(f -> inclusive.row("`" + f.method() + "`", f.samples(), percent(f)));
    }

    private static String percent(Frame frame) {
        return String.format(java.util.Locale.ROOT, "%.1f", frame.share());
    }

    private static String owner(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            for (String[] owner : OWNERS) {
                if (type.startsWith(owner[0])) {
                    return owner[1];
                }
            }
            return "other: " + type;
        }
        return "JDK only";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static List<Frame> top(Map<String, Long> counts, long samples, int top) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .map(e -> new Frame(e.getKey(), e.getValue(), 100.0 * e.getValue() / Math.max(1, samples)))
                .toList();
    }

    @Override
    public void close() {
        recording.close();
    }
}
