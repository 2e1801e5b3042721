package dev.slopipeline.bench.kafka;

import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.RequestEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Request events to a topic as a service emits them: JSON, keyed by the service name. */
public final class EventProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final EventCodec codec = new EventCodec();
    private final String topic;

    /** @param bulk batch for throughput (pre-filling); otherwise send each event at once (live traffic) */
    public EventProducer(String bootstrapServers, String topic, boolean bulk) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(settings(bootstrapServers, bulk));
    }

    /** Producer settings for byte-array records; {@code bulk} as in the constructor. */
    static Map<String, Object> settings(String bootstrapServers, boolean bulk) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        // On a loaded machine a produce request can time out; an idempotent producer then resets its sequence
        // numbers and the broker refuses every later batch. Order within a partition is kept by one request in
        // flight instead, and timeouts are long.
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, bulk ? 20 : 0);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, bulk ? 512 * 1024 : 16 * 1024);
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        return settings;
    }

    public void send(RequestEvent event) {
        producer.send(record(event));
    }

    /** Sends and waits for the broker's acknowledgement. */
    public RecordMetadata sendAndWait(RequestEvent event) {
        try {
            return producer.send(record(event)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send an event", e.getCause());
        }
    }

    public void flush() {
        producer.flush();
    }

    private ProducerRecord<byte[], byte[]> record(RequestEvent event) {
        return new ProducerRecord<>(topic, null, event.timestamp().toEpochMilli(),
                event.service().getBytes(StandardCharsets.UTF_8), codec.encode(event));
    }

    @Override
    public void close() {
        producer.close();
    }
}
