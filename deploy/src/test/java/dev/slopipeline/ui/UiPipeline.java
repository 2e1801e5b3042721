package dev.slopipeline.ui;

import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.definitions.publish.DefinitionRecords;
import dev.slopipeline.router.app.RouterApp;
import dev.slopipeline.router.app.RouterAppConfig;
import dev.slopipeline.router.app.RouterAppKeys;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.streams.app.SloPipeline;
import dev.slopipeline.streams.app.StreamsApp;
import dev.slopipeline.streams.app.StreamsAppConfig;
import dev.slopipeline.streams.publish.ApplyOptions;
import dev.slopipeline.streams.publish.DefinitionPublisher;
import dev.slopipeline.streams.publish.DefinitionsTopic;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the browser tests look at: the streams app with the SLOs of a definitions file applied, the router with a
 * {@code router.yml}, and the web UI in front of both, on one Kafka cluster, each on a free port and in one partition.
 */
final class UiPipeline implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String bootstrapServers;
    private final StreamsAppConfig config;
    private StreamsApp streams;
    private RouterApp router;
    private WebUi ui;

    private UiPipeline(String bootstrapServers, StreamsAppConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
    }

    /**
     * @param name        prefixes the apps' ids and, made unique, suffixes their topics, so that tests on one cluster
     *                    keep apart
     * @param definitions the SLO definitions, as a file {@code slo apply} reads
     * @param routerToken the router's API token, which the UI asks the user for
     */
    static UiPipeline start(String bootstrapServers, Path dir, String name, String definitions, String routerYml,
                            String routerToken) throws Exception {
        String suffix = SharedKafka.unique("." + name);
        UiPipeline pipeline = new UiPipeline(bootstrapServers, StreamsAppConfig.builder()
                .bootstrapServers(bootstrapServers)
                .applicationId(name + "-streams" + suffix)
                .topicsWithSuffix(suffix)
                .stateDir(dir.resolve("streams"))
                .httpPort(0)
                .set("topics.partitions", "1")
                .build());
        try {
            pipeline.applyDefinitions(Files.writeString(dir.resolve(name + ".yaml"), definitions));
            pipeline.streams = SloPipeline.start(pipeline.config);
            pipeline.router = RouterApp.start(RouterAppConfig.builder().bootstrapServers(bootstrapServers)
                            .set(RouterAppKeys.APPLICATION_ID, name + "-router" + suffix)
                            .topics(RouterTopics.withSuffix(suffix))
                            .set(RouterAppKeys.TOPIC_DELIVERIES, "router.deliveries" + suffix)
                            .set(RouterAppKeys.STATE_DIR, dir.resolve("router"))
                            .set(RouterAppKeys.PARTITIONS, 1)
                            .set(RouterAppKeys.HTTP_PORT, 0)
                            .set(RouterAppKeys.PUNCTUATION_INTERVAL, Duration.ofMillis(200))
                            .set(RouterAppKeys.API_TOKEN, routerToken)
                            .build(),
                    RouterConfigLoader.parse("router.yml", routerYml).orElseThrow());
            pipeline.ui = WebUi.builder().port(0)
                    .streamsUrl(URI.create("http://localhost:" + pipeline.streams.httpPort()))
                    .routerUrl(pipeline.routerUrl())
                    .start();
            pipeline.awaitRunning();
            return pipeline;
        } catch (Exception | AssertionError e) {
            pipeline.close();
            throw e;
        }
    }

    URI uiUrl() {
        return ui.url();
    }

    URI routerUrl() {
        return URI.create("http://localhost:" + router.httpPort());
    }

    /** Sends the events to the requests topic, each at its own time, and waits until the broker has them all. */
    void send(List<RequestEvent> events) {
        EventCodec codec = new EventCodec();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (RequestEvent event : events) {
                producer.send(new ProducerRecord<>(config.topics().requests(), null, event.timestamp().toEpochMilli(),
                        event.service().getBytes(StandardCharsets.UTF_8), codec.encode(event)));
            }
            producer.flush();
        }
    }

    private void applyDefinitions(Path file) throws IOException {
        DefinitionsTopic topic = new DefinitionsTopic(config.clientProperties(), config.topics().definitions(), Duration.ofSeconds(20));
        new DefinitionPublisher(config.clientProperties(), topic, config.replication())
                .apply(DefinitionRecords.fromFiles(List.of(file)), ApplyOptions.DEFAULT);
    }

    private void awaitRunning() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING || router.streamsState() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the apps did not start: streams " + streams.state() + ", router " + router.streamsState());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {ui, router, streams}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }
}
