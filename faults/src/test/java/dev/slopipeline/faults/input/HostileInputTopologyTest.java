package dev.slopipeline.faults.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.faults.Checkout;
import dev.slopipeline.kit.deadletter.DeadLetterHeaders;
import dev.slopipeline.streams.metrics.TopologyMetrics;
import dev.slopipeline.streams.status.StatusCodec;
import dev.slopipeline.streams.status.StatusRecord;
import dev.slopipeline.streams.topology.SloTopology;
import dev.slopipeline.streams.topology.TopologyConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand hostile records, seeded, through the production topology: each lands on the dead-letter
 * topic as it came with a reason, nothing stops, and the valid events between them are counted exactly.
 */
class HostileInputTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final long SEED = 20261123L;

    @TempDir
    Path state;

    @Test
    void shouldRefuseEveryHostileRecordWithAReasonAndCountTheValidOnesExactly() throws Exception {
        List<FuzzedEvent> events = new HostileEvents(SEED, NOW, NOW.minus(Duration.ofHours(5)), Duration.ofSeconds(1))
                .stream(10_000, 3);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TopologyConfig config = TopologyConfig.defaults().withInitialDefinitions(Checkout.definitions()).withMeters(meters);

        try (TopologyTestDriver driver = new TopologyTestDriver(SloTopology.build(config), properties(), NOW)) {
            TopologyConfig.Topics topics = config.topics();
            TestInputTopic<byte[], byte[]> requests = driver.createInputTopic(topics.requests(), new ByteArraySerializer(), new ByteArraySerializer());
            TestInputTopic<byte[], byte[]> health = driver.createInputTopic(topics.health(), new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(topics.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
            TestOutputTopic<String, byte[]> statuses = driver.createOutputTopic(topics.status(), new StringDeserializer(), new ByteArrayDeserializer());

            for (FuzzedEvent event : events) {
                (event.health() ? health : requests).pipeInput(new TestRecord<>(event.key(), event.value(), NOW));
            }
            driver.advanceWallClockTime(config.statusInterval());

            List<FuzzedEvent> refused = events.stream().filter(FuzzedEvent::refused).toList();
            List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
            assertThat(refused).hasSizeGreaterThanOrEqualTo(10_000);
            assertThat(letters).as("one dead letter per hostile record").hasSize(refused.size());
            for (int i = 0; i < letters.size(); i++) {
                FuzzedEvent expected = refused.get(i);
                TestRecord<byte[], byte[]> letter = letters.get(i);
                assertThat(letter.value()).as("record %d (%s) as it came", i, expected.kind()).isEqualTo(expected.value());
                assertThat(letter.key()).as("record %d (%s) keeps its key", i, expected.kind()).isEqualTo(expected.key());
                assertThat(header(letter, DeadLetterHeaders.REASON)).as("reason of record %d (%s)", i, expected.kind()).isNotBlank();
                assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(expected.health() ? topics.health() : topics.requests());
            }

            long good = events.stream().mapToLong(FuzzedEvent::goodUnits).sum();
            long bad = events.stream().mapToLong(FuzzedEvent::badUnits).sum();
            long counted = events.stream().filter(e -> !e.refused()).count();
            List<StatusRecord> published = statuses.readRecordsToList().stream()
                    .filter(r -> r.value() != null).map(r -> StatusCodec.decode(r.value())).toList();
            assertThat(published).isNotEmpty();
            StatusRecord last = published.get(published.size() - 1);
            assertThat(last.slo()).isEqualTo(Checkout.SLO);
            assertThat(last.sli()).as("good over all units of the valid events").hasValue((double) good / (good + bad));
            assertThat(counter(meters, TopologyMetrics.CLASSIFIED)).as("valid events classified").isEqualTo(counted);
            assertThat(counter(meters, TopologyMetrics.DEAD_LETTERED)).isEqualTo(refused.size());

            System.out.printf("hostile input: %d records, %d refused, %d valid (%d good + %d bad units); refused by kind %s%n",
                    events.size(), refused.size(), counted, good, bad,
                    refused.stream().collect(Collectors.groupingBy(FuzzedEvent::kind, TreeMap::new, Collectors.counting())));
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "faults-hostile-input");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        properties.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        return properties;
    }

    private static double counter(SimpleMeterRegistry meters, String name) {
        return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

}
