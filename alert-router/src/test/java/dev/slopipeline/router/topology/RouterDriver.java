package dev.slopipeline.router.topology;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertCodec;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.notification.IntentCodec;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.routing.inhibit.DefaultInhibition;
import dev.slopipeline.router.routing.silence.SilenceLimits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
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
 * The router topology in a {@link TopologyTestDriver} whose wall clock starts at {@link #T0} and moves only when a
 * test says so; every notification read so far is kept in {@link #sent}.
 */
final class RouterDriver implements AutoCloseable {

    /** A Monday. */
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final URI EXTERNAL_URL = URI.create("https://router.example");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> alerts;
    final TestInputTopic<String, byte[]> commands;
    final TestInputTopic<String, byte[]> posted;
    final TestOutputTopic<String, byte[]> notifications;
    final TestOutputTopic<String, byte[]> silences;
    final TestOutputTopic<String, byte[]> deadLetters;
    final List<Notification> sent = new ArrayList<>();

    private final AlertCodec alertCodec = new AlertCodec();
    private final PostedAlertCodec postedCodec = new PostedAlertCodec();
    private final IntentCodec notificationCodec = new IntentCodec();
    private long elapsedMillis;

    RouterDriver(String yaml, DefaultInhibition inhibition) {
        this(yaml, inhibition, SilenceLimits.DEFAULT);
    }

    RouterDriver(String yaml, DefaultInhibition inhibition, SilenceLimits silenceLimits) {
        RouterConfig config = RouterConfigLoader.parse("router.yml", yaml).orElseThrow();
        RouterTopics topics = RouterTopics.DEFAULT;
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "router-topology-test");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, FreshStateDir.create());
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(RouterTopology.build(
                RouterTopologyConfig.of(config, EXTERNAL_URL, registry).withInhibition(inhibition)
                        .withSilenceLimits(silenceLimits)), properties, T0);
        alerts = driver.createInputTopic(topics.alerts(), new StringSerializer(), new ByteArraySerializer());
        commands = driver.createInputTopic(topics.commands(), new StringSerializer(), new ByteArraySerializer());
        posted = driver.createInputTopic(topics.postedAlerts(), new StringSerializer(), new ByteArraySerializer());
        notifications = driver.createOutputTopic(topics.notifications(), new StringDeserializer(),
                new ByteArrayDeserializer());
        silences = driver.createOutputTopic(topics.silences(), new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters(), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    Instant now() {
        return T0.plusMillis(elapsedMillis);
    }

    /** Moves the wall clock; the punctuator runs once at the new time, as when ticks were skipped. */
    void advance(Duration duration) {
        elapsedMillis += duration.toMillis();
        driver.advanceWallClockTime(duration);
    }

    /** Moves the wall clock to {@code offset} after T0. */
    void advanceTo(Duration offset) {
        advance(offset.minusMillis(elapsedMillis));
    }

    void publish(Alert alert) {
        alerts.pipeInput(alert.slo(), alertCodec.encode(alert), now());
    }

    /** An alert as the API puts it on {@code router.posted-alerts}, received now. */
    void post(PostedAlert alert) {
        posted.pipeInput(alert.fingerprint().toString(), postedCodec.encode(alert), now());
    }

    /** The notifications written since the last call, decoded; also appended to {@link #sent}. */
    List<Notification> newNotifications() {
        List<Notification> read = new ArrayList<>();
        for (TestRecord<String, byte[]> record : notifications.readRecordsToList()) {
            Decoded<Notification> decoded = notificationCodec.decode(record.key(), record.value());
            if (decoded instanceof Decoded.Invalid<Notification> invalid) {
                throw new AssertionError("the topology wrote an unreadable notification: " + invalid.reason());
            }
            read.add(((Decoded.Ok<Notification>) decoded).value());
        }
        sent.addAll(read);
        return read;
    }

    @Override
    public void close() {
        driver.close();
    }
}
