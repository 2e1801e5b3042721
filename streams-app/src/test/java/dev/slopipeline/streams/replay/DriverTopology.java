package dev.slopipeline.streams.replay;

import dev.slopipeline.definitions.event.RequestEvent;

import dev.slopipeline.streams.topology.SloTopology;
import dev.slopipeline.streams.topology.TopologyConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The topology as {@link SloTopology#build} builds it, in Kafka's {@link TopologyTestDriver}: how replay ran
 * before it ran the processors in process, kept to show that both give the same bytes.
 */
final class DriverTopology implements ReplayedTopology {

    /** Internal outputs are drained this often, so the driver does not keep them all. */
    private static final int DRAIN_EVERY = 4096;

    private final Path stateDirectory;
    private final TopologyTestDriver driver;
    private final Consumer<byte[]> alertSink;
    private final TestInputTopic<byte[], byte[]> requests;
    private final TestInputTopic<byte[], byte[]> health;
    private final TestOutputTopic<String, byte[]> alerts;
    private final List<TestOutputTopic<byte[], byte[]>> others;
    private long piped;

    DriverTopology(TopologyConfig config, long wallClockStart, Consumer<byte[]> alertSink) {
        try {
            stateDirectory = Files.createTempDirectory("slo-replay");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.alertSink = alertSink;
        driver = new TopologyTestDriver(SloTopology.build(config), properties(stateDirectory), Instant.ofEpochMilli(wallClockStart));
        requests = driver.createInputTopic(config.topics().requests(), new ByteArraySerializer(), new ByteArraySerializer());
        health = driver.createInputTopic(config.topics().health(), new ByteArraySerializer(), new ByteArraySerializer());
        alerts = driver.createOutputTopic(config.topics().alerts(), new StringDeserializer(), new ByteArrayDeserializer());
        others = Stream.of(config.topics().status(), config.topics().deadLetters(), SloTopology.countsRepartitionTopic(Replay.APPLICATION_ID))
                .map(topic -> driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()))
                .toList();
    }

    @Override
    public void request(byte[] value, RequestEvent decoded, long timestamp) {
        pipe(requests, value, timestamp);
    }

    @Override
    public void health(byte[] value, long timestamp) {
        pipe(health, value, timestamp);
    }

    @Override
    public void advanceWallClock(long millis) {
        driver.advanceWallClockTime(Duration.ofMillis(millis));
        drainAlerts();
    }

    @Override
    public void close() {
        driver.close();
        try (Stream<Path> paths = Files.walk(stateDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pipe(TestInputTopic<byte[], byte[]> topic, byte[] value, long timestamp) {
        topic.pipeInput(new TestRecord<>(null, value, Instant.ofEpochMilli(timestamp)));
        drainAlerts();
        if (piped++ % DRAIN_EVERY == 0) {
            others.forEach(TestOutputTopic::readRecordsToList);
        }
    }

    private void drainAlerts() {
        while (!alerts.isEmpty()) {
            alertSink.accept(alerts.readValue());
        }
    }

    private static Properties properties(Path stateDirectory) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, Replay.APPLICATION_ID);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "replay:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        // one record at a time, in order: waiting for other input partitions would only cost time
        properties.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return properties;
    }
}
