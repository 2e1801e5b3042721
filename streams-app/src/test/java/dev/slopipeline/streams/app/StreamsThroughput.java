package dev.slopipeline.streams.app;

import dev.slopipeline.broker.EmbeddedKafkaBroker;
import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.definitions.publish.DefinitionRecords;
import dev.slopipeline.streams.publish.ApplyOptions;
import dev.slopipeline.streams.publish.DefinitionPublisher;
import dev.slopipeline.streams.publish.DefinitionsTopic;
import dev.slopipeline.streams.topology.SloTopology;
import dev.slopipeline.streams.topology.TopologyConfig;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Not a test: end-to-end throughput of the streams app with exactly-once on an embedded broker in the same
 * JVM. Writes {@code events} request events for {@code slos} SLOs (1 % bad, spread over the last hour) to the
 * requests topic first, then starts the app and times it from RUNNING until its consumer group has committed
 * the end of the requests topic and of the repartition topic: every event classified, counted and judged.
 * Also reports the process's CPU time per event, which other work on a shared machine disturbs far less.
 * Run from the module after {@code mvn test-compile}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) dev.slopipeline.streams.app.StreamsThroughput [events] [slos] [no-pre-sum]
 * </pre>
 */
public final class StreamsThroughput {

    private StreamsThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int slos = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        boolean preSum = args.length <= 2 || !args[2].equals("no-pre-sum");
        Path dir = Files.createTempDirectory("streams-throughput");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDirectory(dir.resolve("broker")).start()) {
            StreamsAppConfig config = StreamsAppConfig.builder()
                    .bootstrapServers(broker.bootstrapServers())
                    .applicationId("throughput")
                    .stateDir(dir.resolve("state"))
                    .httpPort(0)
                    .processingGuarantee(StreamsAppConfig.EXACTLY_ONCE_V2)
                    .set("topics.partitions", "2")
                    .build();
            Files.writeString(dir.resolve("slos.yaml"), definitions(slos));
            try (Admin admin = Admin.create(config.clientProperties())) {
                StreamsTopics.ensure(admin, config, Duration.ofSeconds(30));
            }
            DefinitionsTopic topic = new DefinitionsTopic(config.clientProperties(), config.topics().definitions(), Duration.ofSeconds(30));
            new DefinitionPublisher(config.clientProperties(), topic, config.replication())
                    .apply(DefinitionRecords.fromFiles(List.of(dir.resolve("slos.yaml"))), ApplyOptions.DEFAULT);
            long produceStart = System.nanoTime();
            produce(config, events, slos);
            System.out.printf("produced %d events in %.1f s%n", events, (System.nanoTime() - produceStart) / 1e9);

            long started = System.nanoTime();
            try (StreamsApp app = start(config, preSum); Admin admin = Admin.create(config.clientProperties())) {
                while (app.state() != KafkaStreams.State.RUNNING) {
                    Thread.sleep(10);
                }
                long running = System.nanoTime();
                long cpuAtRunning = processCpuNanos();
                Map<TopicPartition, Long> inputEnd = endOffsets(admin, config.topics().requests());
                String repartition = SloTopology.countsRepartitionTopic(config.applicationId());
                while (!caughtUp(admin, config.applicationId(), inputEnd)
                        || !caughtUp(admin, config.applicationId(), endOffsets(admin, repartition))) {
                    Thread.sleep(100);
                }
                long done = System.nanoTime();
                double cpuPerEvent = (processCpuNanos() - cpuAtRunning) / 1e3 / events;
                System.out.printf("%d events, %d SLOs, exactly-once, %s: %.1f s from RUNNING = %.0f events/s (%.1f s from start); "
                                + "CPU %.2f µs per event (broker included) = %.0f events/s on %d dedicated cores%n",
                        events, slos, preSum ? "pre-summed" : "not pre-summed", (done - running) / 1e9, events / ((done - running) / 1e9),
                        (done - started) / 1e9, cpuPerEvent, Runtime.getRuntime().availableProcessors() * 1e6 / cpuPerEvent,
                        Runtime.getRuntime().availableProcessors());
            }
        }
    }

    private static StreamsApp start(StreamsAppConfig config, boolean preSum) {
        if (preSum) {
            return SloPipeline.start(config);
        }
        CompositeMeterRegistry meters = new CompositeMeterRegistry();
        TopologyConfig topology = SloPipeline.topologyConfig(config, meters).withPreSumInterval(Duration.ZERO);
        return StreamsApp.builder(config).topology(ignored -> SloTopology.build(topology)).start();
    }

    /** CPU time of the whole process: the app, the producer's leftovers and the broker in this JVM. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String definitions(int slos) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: slo-pipeline/v1
                kind: Service
                metadata: {name: shop}
                spec: {owner: team-shop}
                """);
        for (int i = 0; i < slos; i++) {
            yaml.append("---\napiVersion: slo-pipeline/v1\nkind: SLO\nmetadata: {name: slo-").append(i).append("}\n")
                    .append("spec:\n  service: shop\n  indicator:\n    match:\n      - {service: svc-").append(i)
                    .append(", operation: \"GET /\"}\n    good: {status: {below: 500}}\n  objective: 99.9\n  window: 30d\n");
        }
        return yaml.toString();
    }

    private static void produce(StreamsAppConfig config, int events, int slos) {
        Map<String, Object> properties = new HashMap<>(config.clientProperties());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        EventCodec codec = new EventCodec();
        Random random = new Random(42);
        Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        long spanMillis = Duration.ofMinutes(59).toMillis();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                Instant time = start.plusMillis(spanMillis * i / events);
                String service = "svc-" + random.nextInt(slos);
                int status = random.nextInt(100) == 0 ? 503 : 200;
                RequestEvent event = new RequestEvent(time, service, "GET /", status, 12.5, 1, Map.of());
                producer.send(new ProducerRecord<>(config.topics().requests(), null, time.toEpochMilli(),
                        service.getBytes(StandardCharsets.UTF_8), codec.encode(event)));
            }
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        Set<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
        return offsets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Committed at the end, or one short of it: the end may be a transaction marker, which no consumer commits past. */
    private static boolean caughtUp(Admin admin, String group, Map<TopicPartition, Long> end) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return end.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                && committed.get(e.getKey()).offset() >= e.getValue() - 1);
    }
}
