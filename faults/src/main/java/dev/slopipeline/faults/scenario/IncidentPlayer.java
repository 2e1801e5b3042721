package dev.slopipeline.faults.scenario;

import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.RequestEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Plays incidents as live traffic: while a journey is in outage, a batch of 100 failing requests every
 * {@code tick}; its recovery is one batch of 10^9 good requests, which brings every window's error ratio
 * far below any threshold at once (no wait for the short windows to empty), then a good request every
 * tick until {@link #settled}. An alert resolves after a minute of event time without a holding pair, so
 * at its recovery a journey's event time jumps a minute ahead of the wall clock (the pipeline takes events
 * up to an hour ahead): a resolve takes seconds, not a minute.
 * The producer is idempotent and retries for as long as a run lasts, so a broker restart loses nothing.
 */
public final class IncidentPlayer implements AutoCloseable {

    private static final long OUTAGE_BATCH = 100;
    private static final long RECOVERY_BATCH = 1_000_000_000L;

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final EventCodec codec = new EventCodec();
    /** Past the alert evaluator's one minute without a holding pair before a severity resolves. */
    private static final Duration RESOLVE_JUMP = Duration.ofSeconds(61);

    private final Set<Integer> inOutage = ConcurrentHashMap.newKeySet();
    private final Set<Integer> recovered = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "incident-player");
        thread.setDaemon(true);
        return thread;
    });

    public IncidentPlayer(String bootstrapServers, String requestsTopic, Duration tick, Map<String, Object> clientSettings) {
        Map<String, Object> settings = new java.util.HashMap<>(clientSettings);
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofHours(1).toMillis());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofMinutes(10).toMillis());
        this.producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = requestsTopic;
        ticker.scheduleAtFixedRate(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts failing the journey's requests: one good batch first, so the SLO has seen traffic. */
    public synchronized void outage(int journey) {
        send(journey, 200, 1_000);
        inOutage.add(journey);
    }

    /** Ends the journey's outage with a flood of good requests. */
    public synchronized void recover(int journey) {
        inOutage.remove(journey);
        send(journey, 200, RECOVERY_BATCH);
        recovered.add(journey);
    }

    /** Stops the journey's good requests once its resolve has arrived. */
    public synchronized void settled(int journey) {
        recovered.remove(journey);
    }

    /** Records that are not events at all, for the dead-letter count. */
    public void malformed(int count) {
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(topic, null, ("{not an event " + i).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private synchronized void tick() {
        for (int journey : inOutage) {
            send(journey, 503, OUTAGE_BATCH);
        }
        for (int journey : recovered) {
            send(journey, 200, 1);
        }
    }

    private void send(int journey, int status, long count) {
        String service = Journeys.service(journey);
        Instant time = recovered.contains(journey) ? Instant.now().plus(RESOLVE_JUMP) : Instant.now();
        RequestEvent event = new RequestEvent(time, service, "POST /buy", status, RequestEvent.NO_LATENCY, count, Map.of());
        producer.send(new ProducerRecord<>(topic, service.getBytes(StandardCharsets.UTF_8), codec.encode(event)));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        producer.close(Duration.ofSeconds(10));
    }
}
