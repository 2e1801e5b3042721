package dev.slopipeline.streams.app;

import static dev.slopipeline.streams.app.Conditions.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.streams.publish.DefinitionsTopic;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.TopologyException;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamsAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final SharedKafka kafka = new SharedKafka();

    @TempDir
    Path stateDirs;

    private final List<StreamsApp> apps = new ArrayList<>();

    @AfterEach
    void closeApps() {
        apps.forEach(StreamsApp::close);
    }

    @Test
    void shouldProcessExactlyOnceAndServeHealthMetricsAndStatus() {
        StreamsAppConfig config = config(1).build();
        AtomicBoolean definitionsLoaded = new AtomicBoolean();
        StreamsApp app = start(StreamsApp.builder(config).topology(topologyConfig -> PassThroughTopology.build(new StreamsBuilder(topologyConfig), config))
                .readyWhen(() -> definitionsLoaded.get() ? Optional.empty() : Optional.of("definitions not loaded yet")));

        await("the streams client to run", () -> app.state() == KafkaStreams.State.RUNNING);
        HttpResponse<String> notReady = Http.get(app.httpPort(), "/readyz");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("definitions not loaded yet").doesNotContain("streams client");
        assertThat(Http.get(app.httpPort(), "/healthz").statusCode()).isEqualTo(200);
        definitionsLoaded.set(true);
        assertThat(Http.get(app.httpPort(), "/readyz").body()).isEqualTo("{\"status\":\"ready\"}");

        produce(config, "checkout-availability", "checkout-availability", "search-latency", "checkout-availability");

        assertThat(readCommittedCounts(config, 4)).containsEntry("checkout-availability", 3L).containsEntry("search-latency", 1L);
        await("the status of checkout-availability", () -> Http.get(app.httpPort(), "/api/v1/slos/checkout-availability")
                .body().equals("{\"slo\":\"checkout-availability\",\"requests\":3}"));
        assertThat(Http.get(app.httpPort(), "/api/v1/slos").body()).isEqualTo("{\"slos\":{"
                + "\"checkout-availability\":{\"slo\":\"checkout-availability\",\"requests\":3},"
                + "\"search-latency\":{\"slo\":\"search-latency\",\"requests\":1}},\"unavailable\":[]}");
        assertThat(Http.get(app.httpPort(), "/api/v1/slos/login-availability").statusCode()).isEqualTo(404);
        assertThat(Http.get(app.httpPort(), "/metrics").body())
                .contains("kafka_stream_thread_process_total", "slo_pipeline_streams_running 1.0",
                        "slo_pipeline_streams_thread_failures_total 0.0",
                        "slo_pipeline_http_requests_total{endpoint=\"/api/v1/slos\",status=\"200\"}");
    }

    @Test
    void shouldWriteAHeartbeatEveryIntervalWhileRunning() throws Exception {
        StreamsAppConfig config = config(1).set(StreamsAppKeys.HEARTBEAT_INTERVAL_MS, Duration.ofMillis(200)).build();
        StreamsApp app = start(StreamsApp.builder(config).topology(topologyConfig -> PassThroughTopology.build(new StreamsBuilder(topologyConfig), config)));
        await("the streams client to run", () -> app.state() == KafkaStreams.State.RUNNING);

        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> beats = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = stringConsumer(config)) {
            consumer.subscribe(List.of(config.topics().heartbeat()));
            await("three heartbeats", () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(beats::add);
                return beats.size() >= 3;
            });
        }

        String instance = "localhost:" + app.httpPort();
        assertThat(beats).allSatisfy(beat -> {
            assertThat(beat.key()).isEqualTo(config.applicationId() + "/" + instance);
            var value = JSON.readTree(beat.value());
            assertThat(value.get("source").asText()).isEqualTo("streams-app");
            assertThat(value.get("instance").asText()).isEqualTo(instance);
            assertThat(value.get("state").asText()).isEqualTo("RUNNING");
            assertThat(java.time.Instant.parse(value.get("at").asText())).isBefore(java.time.Instant.now().plusSeconds(1));
            assertThat(value.size()).isEqualTo(4);
        });
        java.time.Instant first = java.time.Instant.parse(JSON.readTree(beats.get(0).value()).get("at").asText());
        java.time.Instant third = java.time.Instant.parse(JSON.readTree(beats.get(2).value()).get("at").asText());
        assertThat(Duration.between(first, third)).as("one every 200 ms").isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));
    }

    @Test
    void shouldCloseCleanlyAndStopServing() {
        StreamsAppConfig config = config(1).build();
        StreamsApp app = start(StreamsApp.builder(config).topology(topologyConfig -> PassThroughTopology.build(new StreamsBuilder(topologyConfig), config)));
        await("readiness", () -> Http.answers(app.httpPort(), "/readyz", 200));

        app.close();

        assertThat(app.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
        assertThatThrownBy(() -> Http.get(app.httpPort(), "/healthz")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void shouldAnswerForEveryInstanceFromAnyInstance() {
        StreamsAppConfig.Builder shared = config(2);
        StreamsAppConfig first = shared.stateDir(stateDirs.resolve("first")).build();
        StreamsAppConfig second = shared.stateDir(stateDirs.resolve("second")).build();
        StreamsApp one = start(StreamsApp.builder(first).topology(topologyConfig -> PassThroughTopology.build(new StreamsBuilder(topologyConfig), first)));
        StreamsApp two = start(StreamsApp.builder(second).topology(topologyConfig -> PassThroughTopology.build(new StreamsBuilder(topologyConfig), second)));
        // The default partitioner puts checkout-latency on partition 0 and the others on 1: both instances hold some.
        List<String> slos = List.of("browse-latency", "checkout-availability", "checkout-latency", "search-latency");
        produce(first, slos.toArray(String[]::new));

        await("each instance to be active for one partition", () -> localSlos(one) > 0 && localSlos(two) > 0
                && localSlos(one) + localSlos(two) == slos.size());
        for (String slo : slos) {
            assertThat(Http.get(one.httpPort(), "/api/v1/slos/" + slo).body())
                    .isEqualTo("{\"slo\":\"" + slo + "\",\"requests\":1}");
        }
        HttpResponse<String> all = Http.get(two.httpPort(), "/api/v1/slos");
        assertThat(all.statusCode()).isEqualTo(200);
        slos.forEach(slo -> assertThat(all.body()).contains("\"" + slo + "\":{\"slo\":\"" + slo + "\",\"requests\":1}"));
        assertThat(all.body()).endsWith("\"unavailable\":[]}");
    }

    @Test
    void shouldHandItsPartitionsToTheOtherInstanceAtOnceWhenClosed() {
        StreamsAppConfig.Builder shared = config(2);
        StreamsAppConfig leavingConfig = shared.stateDir(stateDirs.resolve("leaving")).build();
        StreamsAppConfig stayingConfig = shared.stateDir(stateDirs.resolve("staying")).build();
        StreamsApp leaving = start(StreamsApp.builder(leavingConfig)
                .topology(topologyConfig -> PassThroughTopology.build(new StreamsBuilder(topologyConfig), leavingConfig)));
        StreamsApp staying = start(StreamsApp.builder(stayingConfig)
                .topology(topologyConfig -> PassThroughTopology.build(new StreamsBuilder(topologyConfig), stayingConfig)));
        // The default partitioner puts checkout-latency on partition 0 and the others on 1: both instances hold some.
        List<String> slos = List.of("browse-latency", "checkout-availability", "checkout-latency", "search-latency");
        produce(leavingConfig, slos.toArray(String[]::new));
        await("each instance to be active for one partition", () -> localSlos(leaving) > 0 && localSlos(staying) > 0
                && localSlos(leaving) + localSlos(staying) == slos.size());

        leaving.close();

        // await gives up after 30 s: a static member still in the group would hold its partitions for its 45 s session
        await("the staying instance to hold every SLO", () -> localSlos(staying) == slos.size());
    }

    @Test
    void shouldApplyTheDefinitionsFolderBeforeStarting() {
        StreamsAppConfig config = config(1).definitionsDir(Path.of("../slo-definitions/examples")).build();

        start(StreamsApp.builder(config).topology(topologyConfig -> PassThroughTopology.build(new StreamsBuilder(topologyConfig), config)));

        Map<String, String> definitions = new DefinitionsTopic(config.clientProperties(), config.topics().definitions(),
                Duration.ofSeconds(20)).readCurrent();
        assertThat(definitions).containsKeys("Service/checkout", "SLO/checkout-availability");
    }

    @Test
    void shouldRefuseATopologyWithGeneratedNamesAndFreeItsPort() throws IOException {
        int port = freePort();
        StreamsAppConfig config = config(1).httpPort(port).build();

        assertThatThrownBy(() -> start(StreamsApp.builder(config).topology(topologyConfig -> {
            StreamsBuilder builder = new StreamsBuilder(topologyConfig);
            builder.stream(config.topics().requests(), Consumed.with(Serdes.String(), Serdes.String())).groupByKey().count();
            return builder.build();
        }))).isInstanceOf(TopologyException.class).hasMessageContaining("state store(s) has not been named");
        try (ServerSocket again = new ServerSocket(port)) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    private StreamsApp start(StreamsApp.Builder builder) {
        StreamsApp app = builder.start();
        apps.add(app);
        return app;
    }

    /** Its own application id and topics per test, so tests cannot see each other's records or state. */
    private StreamsAppConfig.Builder config(int partitions) {
        String run = SharedKafka.unique("run");
        StreamsAppConfig.Builder builder = StreamsAppConfig.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .applicationId("slo-streams-test-" + run)
                .stateDir(stateDirs.resolve(run))
                .httpPort(0)
                .set("topics.partitions", String.valueOf(partitions))
                // records reach the stores and topics at once instead of at the next cache flush
                .kafka("statestore.cache.max.bytes", "0");
        builder.topicsWithSuffix("." + run);
        return builder;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** How many statuses the instance holds itself; -1 while it cannot say. */
    private static int localSlos(StreamsApp app) {
        HttpResponse<String> local = Http.get(app.httpPort(), "/api/v1/slos?scope=local");
        try {
            return local.statusCode() == 200 ? JSON.readTree(local.body()).path("slos").size() : -1;
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + local.body(), e);
        }
    }

    private static KafkaConsumer<String, String> stringConsumer(StreamsAppConfig config) {
        Map<String, Object> properties = new HashMap<>(config.clientProperties());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    private static void produce(StreamsAppConfig config, String... slos) {
        Map<String, Object> properties = new HashMap<>(config.clientProperties());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            for (String slo : slos) {
                producer.send(new ProducerRecord<>(config.topics().requests(), slo, "{}"));
            }
        }
    }

    /** The latest count per SLO on the alerts topic, once {@code records} counts were committed there. */
    private static Map<String, Long> readCommittedCounts(StreamsAppConfig config, int records) {
        Map<String, Object> properties = new HashMap<>(config.clientProperties());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, LongDeserializer.class);
        Map<String, Long> counts = new HashMap<>();
        try (KafkaConsumer<String, Long> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(config.topics().alerts()));
            AtomicInteger seen = new AtomicInteger();
            await(records + " committed counts", () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    counts.put(record.key(), record.value());
                    seen.incrementAndGet();
                });
                return seen.get() >= records;
            });
        }
        return counts;
    }
}
