package dev.slopipeline.streams.app;

import static dev.slopipeline.streams.app.Conditions.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.definitions.publish.DefinitionRecords;
import dev.slopipeline.streams.publish.ApplyOptions;
import dev.slopipeline.streams.publish.DefinitionPublisher;
import dev.slopipeline.streams.publish.DefinitionsTopic;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app killed, not closed, in the middle of processing, under exactly-once: it runs in a process of its
 * own ({@link CrashableApp}) against the broker in this JVM, is killed with SIGKILL while it works through
 * the events after an outage, and started again on the same state directory. Across both runs the outage
 * pages exactly once and resolves exactly once.
 */
@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CrashRecoveryIntegrationTest {

    private static final EventCodec EVENTS = new EventCodec();
    private static final int OUTAGE_FROM = 120;
    private static final int OUTAGE_TO = 130;
    /** Requests per minute, each its own record, so that processing the recovery takes the app a while. */
    private static final int REQUESTS_PER_MINUTE = 1000;

    /** The topics and application id of the app that is killed and of the one that takes over, alike. */
    private static final String RUN = SharedKafka.unique("crash");

    @RegisterExtension
    static final SharedKafka kafka = new SharedKafka();

    @TempDir
    Path dir;

    private Process child;
    private final Instant start = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);

    @AfterEach
    void killChild() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldNeitherLoseNorRepeatATransitionWhenKilledMidProcessing() throws Exception {
        StreamsAppConfig config = CrashableApp.config(kafka.bootstrapServers(), RUN, dir.resolve("state"));
        applyDefinitions(config);
        try (TopicReader alerts = new TopicReader(kafka.bootstrapServers(), config.topics().alerts());
             KafkaProducer<byte[], byte[]> producer = producer()) {
            child = startChild(config, "first");
            produceMinutes(producer, config, 0, OUTAGE_TO);
            await("a page from the first run", () -> SloPipelineIntegrationTest.count(alerts.poll(), AlertState.FIRING) >= 1);

            // the recovery: killed once the app has committed part of it, not all
            long recoveryStart = endOffset(config);
            produceMinutes(producer, config, OUTAGE_TO, OUTAGE_TO + 45);
            long recoveryEnd = endOffset(config);
            await("the app to commit part of the recovery", () -> committed(config) > recoveryStart);
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertThat(committed(config)).as("killed in the middle of the recovery's events").isLessThan(recoveryEnd);

            child = startChild(config, "second");
            await("the page to resolve in the second run", () -> SloPipelineIntegrationTest.count(alerts.poll(), AlertState.RESOLVED) >= 1);

            List<Alert> pages = SloPipelineIntegrationTest.pages(alerts.drain());
            assertThat(pages).extracting(Alert::state).containsExactly(AlertState.FIRING, AlertState.RESOLVED);
            assertThat(pages.get(1).id()).isEqualTo(pages.get(0).id());
        }
    }

    private static long endOffset(StreamsAppConfig config) throws Exception {
        try (Admin admin = Admin.create(config.clientProperties())) {
            TopicPartition partition = new TopicPartition(config.topics().requests(), 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
        }
    }

    /** The app's committed position on the requests topic: what it has processed for good. */
    private static long committed(StreamsAppConfig config) {
        try (Admin admin = Admin.create(config.clientProperties())) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(config.applicationId()).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(config.topics().requests(), 0));
            return offset == null ? 0 : offset.offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    private Process startChild(StreamsAppConfig config, String name) throws IOException {
        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), CrashableApp.class.getName(),
                kafka.bootstrapServers(), RUN, config.stateDir().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            await("the " + name + " app to run (see " + log + ")", () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the " + name + " app exited with " + process.exitValue() + ": " + read(log));
                }
                return read(log).contains(CrashableApp.RUNNING);
            });
        } catch (AssertionError notRunning) {
            // not yet the test's child, so nothing else would stop it: it outlived the build once
            process.destroyForcibly();
            throw notRunning;
        }
        return process;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void applyDefinitions(StreamsAppConfig config) throws IOException {
        Path file = Files.writeString(dir.resolve("checkout.yaml"), SloPipelineIntegrationTest.DEFINITIONS);
        try (Admin admin = Admin.create(config.clientProperties())) {
            StreamsTopics.ensure(admin, config, Duration.ofSeconds(20));
        }
        DefinitionsTopic topic = new DefinitionsTopic(config.clientProperties(), config.topics().definitions(), Duration.ofSeconds(20));
        new DefinitionPublisher(config.clientProperties(), topic, config.replication())
                .apply(DefinitionRecords.fromFiles(List.of(file)), ApplyOptions.DEFAULT);
    }

    /** {@link #REQUESTS_PER_MINUTE} records a minute, all failing during the outage. */
    private void produceMinutes(KafkaProducer<byte[], byte[]> producer, StreamsAppConfig config, int from, int to) {
        byte[] key = "checkout-api".getBytes(StandardCharsets.UTF_8);
        for (int minute = from; minute < to; minute++) {
            int status = minute >= OUTAGE_FROM && minute < OUTAGE_TO ? 503 : 200;
            for (int i = 0; i < REQUESTS_PER_MINUTE; i++) {
                Instant time = start.plus(Duration.ofMinutes(minute)).plusMillis(i * 60L);
                RequestEvent event = new RequestEvent(time, "checkout-api", "POST /checkout", status, RequestEvent.NO_LATENCY, 1, Map.of());
                producer.send(new ProducerRecord<>(config.topics().requests(), null, time.toEpochMilli(), key, EVENTS.encode(event)));
            }
        }
        producer.flush();
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }
}
