package dev.slopipeline.faults.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.faults.Await;
import dev.slopipeline.faults.Checkout;
import dev.slopipeline.faults.OwnTopics;
import dev.slopipeline.faults.kafka.TopicTail;
import dev.slopipeline.kit.deadletter.DeadLetterHeaders;
import dev.slopipeline.streams.app.SloPipeline;
import dev.slopipeline.streams.app.StreamsApp;
import dev.slopipeline.streams.app.StreamsAppConfig;
import dev.slopipeline.streams.status.StatusCodec;
import dev.slopipeline.streams.status.StatusRecord;
import dev.slopipeline.testkafka.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streams app itself, exactly-once on a real broker, fed hostile records, including ones as large as
 * the broker takes: it stays up, dead-letters every one with a reason and counts the valid events exactly.
 */
@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HostileInputBrokerTest {

    /** Just under the producer's default max.request.size (1 MiB) once the record's framing is added. */
    private static final int LARGEST_RECORD = 1_048_400;

    @RegisterExtension
    static final SharedKafka kafka = new SharedKafka();

    @TempDir
    Path dir;

    @Test
    void shouldStayUpDeadLetterEveryHostileRecordAndCountTheRest() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        HostileEvents fuzzer = new HostileEvents(7L, now, now.minus(Duration.ofHours(2)), Duration.ofMillis(200));
        List<FuzzedEvent> events = new ArrayList<>(fuzzer.stream(1_000, 4));
        events.add(500, fuzzer.oversized(LARGEST_RECORD));
        events.add(fuzzer.oversized(LARGEST_RECORD));
        events.add(fuzzer.valid());

        Path definitions = Files.createDirectories(dir.resolve("definitions"));
        Files.writeString(definitions.resolve(Checkout.FILE), Checkout.yaml());
        StreamsAppConfig config = StreamsAppConfig.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .stateDir(dir.resolve("state"))
                .httpPort(0)
                .definitionsDir(definitions)
                .set("topics.partitions", "1")
                .build();
        try (StreamsApp app = SloPipeline.start(config);
             TopicTail deadLetters = new TopicTail(kafka.bootstrapServers(), config.topics().dlq());
             TopicTail statuses = new TopicTail(kafka.bootstrapServers(), config.topics().status());
             KafkaProducer<byte[], byte[]> producer = producer()) {
            Await.until("the streams app to run", Duration.ofSeconds(60), () -> app.state() == KafkaStreams.State.RUNNING);
            for (FuzzedEvent event : events) {
                producer.send(new ProducerRecord<>(event.health() ? config.topics().health() : config.topics().requests(),
                        event.key(), event.value())).get();
            }

            List<FuzzedEvent> refused = events.stream().filter(FuzzedEvent::refused).toList();
            Await.until("every hostile record on the dead-letter topic (app " + app.state() + ")", Duration.ofSeconds(90),
                    () -> deadLetters.poll().size() >= refused.size() || app.state() != KafkaStreams.State.RUNNING);
            assertThat(app.state()).as("the app is still running").isEqualTo(KafkaStreams.State.RUNNING);
            List<ConsumerRecord<byte[], byte[]>> letters = deadLetters.records();
            assertThat(letters).hasSize(refused.size());
            for (ConsumerRecord<byte[], byte[]> letter : letters) {
                Header reason = letter.headers().lastHeader(DeadLetterHeaders.REASON);
                assertThat(reason).as("dead letter at offset %d has a reason", letter.offset()).isNotNull();
                assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isNotBlank();
            }
            assertThat(letters.stream().filter(l -> l.headers().lastHeader(DeadLetterHeaders.TRUNCATED) != null))
                    .as("the two records too large to dead-letter whole are cut").hasSize(2)
                    .allSatisfy(l -> assertThat(new String(l.value(), StandardCharsets.UTF_8)).startsWith("{\"timestamp\""));

            long good = events.stream().mapToLong(FuzzedEvent::goodUnits).sum();
            long bad = events.stream().mapToLong(FuzzedEvent::badUnits).sum();
            double expected = (double) good / (good + bad);
            Await.until("the status to count every valid event", Duration.ofSeconds(60), () -> {
                List<ConsumerRecord<byte[], byte[]>> all = statuses.poll();
                if (all.isEmpty() || all.get(all.size() - 1).value() == null) {
                    return false;
                }
                StatusRecord last = StatusCodec.decode(all.get(all.size() - 1).value());
                return last.sli().isPresent() && last.sli().getAsDouble() == expected;
            });
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new ByteArraySerializer(), new ByteArraySerializer());
    }
}
