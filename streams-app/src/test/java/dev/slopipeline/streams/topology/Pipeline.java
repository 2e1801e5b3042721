package dev.slopipeline.streams.topology;

import dev.slopipeline.definitions.Definitions;
import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertCodec;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.HealthEvent;
import dev.slopipeline.definitions.event.HealthStatus;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.yaml.LoadResult;
import dev.slopipeline.streams.status.StatusCodec;
import dev.slopipeline.streams.status.StatusRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The topology in a {@link TopologyTestDriver}, with the wire codecs on both ends: tests write events
 * and definitions as services and {@code slo apply} would, and read alerts as the router would.
 * Unless told otherwise the wall clock follows event time, as in replay.
 */
final class Pipeline implements AutoCloseable {

    static final String APPLICATION_ID = "slo-test";
    static final EventCodec EVENTS = new EventCodec();
    static final AlertCodec ALERTS = new AlertCodec();

    final TopologyConfig config;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Path stateDirectory;
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> requests;
    private final TestInputTopic<byte[], byte[]> health;
    private final TestInputTopic<byte[], byte[]> spans;
    private final TestInputTopic<String, String> definitions;
    private final TestOutputTopic<String, byte[]> alerts;
    private final TestOutputTopic<String, byte[]> statuses;
    private final TestOutputTopic<byte[], byte[]> deadLetters;
    private Instant wallClock;
    private boolean wallClockFollowsEvents = true;

    Pipeline(TopologyConfig config, Instant wallClock) {
        this.config = config.withMeters(meters);
        this.wallClock = wallClock;
        this.stateDirectory = temporaryDirectory();
        java.util.Properties properties = new java.util.Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        // the driver feeds one record at a time: waiting for the other input partitions only costs time
        properties.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        driver = new TopologyTestDriver(SloTopology.build(this.config), properties, wallClock);
        TopologyConfig.Topics topics = this.config.topics();
        requests = driver.createInputTopic(topics.requests(), new ByteArraySerializer(), new ByteArraySerializer());
        health = driver.createInputTopic(topics.health(), new ByteArraySerializer(), new ByteArraySerializer());
        spans = this.config.spans().topic()
                .map(topic -> driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer())).orElse(null);
        definitions = driver.createInputTopic(topics.definitions(), new StringSerializer(), new StringSerializer());
        alerts = driver.createOutputTopic(topics.alerts(), new StringDeserializer(), new ByteArrayDeserializer());
        statuses = driver.createOutputTopic(topics.status(), new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** A pipeline with definitions loaded from YAML texts at start, as from a folder. */
    static Pipeline withFolder(TopologyConfig config, Instant wallClock, Map<String, String> yamlByFile) {
        return new Pipeline(config.withInitialDefinitions(load(yamlByFile)), wallClock);
    }

    static DefinitionSet load(Map<String, String> yamlByFile) {
        LoadResult loaded = Definitions.loadTexts(yamlByFile);
        if (loaded.hasErrors()) {
            throw new IllegalArgumentException("test definitions have errors: " + loaded.errors());
        }
        return loaded.definitions();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("slo-topology-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Pipeline wallClockFixed() {
        wallClockFollowsEvents = false;
        return this;
    }

    void request(Instant time, String service, String operation, int status, long count) {
        request(new RequestEvent(time, service, operation, status, RequestEvent.NO_LATENCY, count, Map.of()));
    }

    void request(RequestEvent event) {
        follow(event.timestamp());
        requests.pipeInput(new TestRecord<>(event.service().getBytes(StandardCharsets.UTF_8), EVENTS.encode(event), event.timestamp()));
    }

    void health(Instant time, String service, String check, HealthStatus status, String target) {
        HealthEvent event = new HealthEvent(time, service, check, status, RequestEvent.NO_LATENCY, target, Map.of());
        follow(time);
        health.pipeInput(new TestRecord<>(service.getBytes(StandardCharsets.UTF_8), EVENTS.encode(event), time));
    }

    /** A raw record on the requests topic, read at the current wall clock. */
    void rawRequest(byte[] key, byte[] value) {
        requests.pipeInput(new TestRecord<>(key, value, wallClock));
    }

    void rawHealth(byte[] key, byte[] value) {
        health.pipeInput(new TestRecord<>(key, value, wallClock));
    }

    /** An OTLP export request on the spans topic, without a key as the Collector writes it, read at {@code time}. */
    void spans(Instant time, byte[] exportRequest) {
        follow(time);
        spans.pipeInput(new TestRecord<>(null, exportRequest, time));
    }

    /** Publishes a definitions record as {@code slo apply} would; a null text is a tombstone. */
    void define(String key, String yaml) {
        definitions.pipeInput(key, yaml, wallClock);
    }

    void advanceWallClock(Duration duration) {
        wallClock = wallClock.plus(duration);
        driver.advanceWallClockTime(duration);
    }

    Instant wallClock() {
        return wallClock;
    }

    /** Moves the wall clock to {@code time} in steps no longer than the evaluation interval, as a running clock does. */
    void runWallClockTo(Instant time) {
        Duration step = config.evaluationInterval();
        while (wallClock.plus(step).isBefore(time)) {
            advanceWallClock(step);
        }
        if (wallClock.isBefore(time)) {
            advanceWallClock(Duration.between(wallClock, time));
        }
    }

    List<Alert> alerts() {
        List<Alert> decoded = new ArrayList<>();
        for (TestRecord<String, byte[]> record : alerts.readRecordsToList()) {
            Decoded<Alert> alert = ALERTS.decode(record.value());
            if (!(alert instanceof Decoded.Ok<Alert> ok)) {
                throw new AssertionError("alert does not meet the contract: " + ((Decoded.Invalid<Alert>) alert).reason());
            }
            if (!record.key().equals(ok.value().slo())) {
                throw new AssertionError("alert keyed " + record.key() + " is of SLO " + ok.value().slo());
            }
            decoded.add(ok.value());
        }
        return decoded;
    }

    List<TestRecord<String, byte[]>> alertRecords() {
        return alerts.readRecordsToList();
    }

    /** Statuses published so far, by SLO; a tombstone is a null status. */
    List<TestRecord<String, byte[]>> statusRecords() {
        return statuses.readRecordsToList();
    }

    List<StatusRecord> statuses() {
        return statusRecords().stream().filter(r -> r.value() != null).map(r -> StatusCodec.decode(r.value())).toList();
    }

    List<TestRecord<byte[], byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    double counter(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    TopologyTestDriver driver() {
        return driver;
    }

    private void follow(Instant eventTime) {
        if (wallClockFollowsEvents && eventTime.isAfter(wallClock)) {
            advanceWallClock(Duration.between(wallClock, eventTime));
        }
    }

    @Override
    public void close() {
        driver.close();
        try (Stream<Path> files = Files.walk(stateDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
