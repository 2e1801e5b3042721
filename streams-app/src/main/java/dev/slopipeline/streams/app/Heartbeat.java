package dev.slopipeline.streams.app;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the world that this instance is processing: every heartbeat interval, while the streams client is
 * RUNNING, one record on {@code slo.heartbeat}. A watcher (the alert router) pages when they stop.
 *
 * <pre>
 * key:   &lt;application.id&gt;/&lt;instance&gt;        e.g. slo-pipeline-streams/host-1:8080
 * value: {"source":"streams-app","instance":"host-1:8080","at":"2026-11-23T10:04:00.123Z","state":"RUNNING"}
 * </pre>
 *
 * The instance is its {@code application.server} ({@code http.advertised.host}:port), how other instances
 * know it. No record is written while the client rebalances, restores or has failed: silence is the signal.
 */
final class Heartbeat implements AutoCloseable {

    static final String SOURCE = "streams-app";
    static final String CLEANUP_POLICY = "compact,delete";
    static final Duration RETENTION = Duration.ofHours(1);
    static final Duration SEGMENT = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final String topic;
    private final String key;
    private final String instance;
    private final Supplier<KafkaStreams.State> state;
    private final Clock clock;
    private final KafkaProducer<String, byte[]> producer;
    private final ScheduledExecutorService timer;

    private Heartbeat(StreamsAppConfig config, String instance, Supplier<KafkaStreams.State> state, Clock clock) {
        this.topic = config.topics().heartbeat();
        this.key = config.applicationId() + "/" + instance;
        this.instance = instance;
        this.state = state;
        this.clock = clock;
        Map<String, Object> properties = new HashMap<>(config.clientProperties());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, config.applicationId() + "-heartbeat");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "slo-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts beating at once, then every {@code heartbeat.interval.ms}. */
    static Heartbeat start(StreamsAppConfig config, String instance, Supplier<KafkaStreams.State> state) {
        Heartbeat heartbeat = new Heartbeat(config, instance, state, Clock.systemUTC());
        long interval = config.heartbeatInterval().toMillis();
        heartbeat.timer.scheduleAtFixedRate(heartbeat::beat, 0, interval, TimeUnit.MILLISECONDS);
        return heartbeat;
    }

    private void beat() {
        KafkaStreams.State now = state.get();
        if (now != KafkaStreams.State.RUNNING) {
            return;
        }
        producer.send(new ProducerRecord<>(topic, key, value(instance, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), now)), (metadata, failure) -> {
            if (failure != null) {
                LOG.warn("Heartbeat to {} failed: {}", topic, failure.toString());
            }
        });
    }

    /** The value's JSON; instance names are host:port, so nothing in them needs escaping but quotes and backslashes. */
    static byte[] value(String instance, Instant at, KafkaStreams.State state) {
        String escaped = instance.replace("\\", "\\\\").replace("\"", "\\\"");
        return ("{\"source\":\"" + SOURCE + "\",\"instance\":\"" + escaped + "\",\"at\":\"" + at + "\",\"state\":\""
                + state.name() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
