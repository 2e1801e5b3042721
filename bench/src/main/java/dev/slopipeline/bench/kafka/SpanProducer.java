package dev.slopipeline.bench.kafka;

import dev.slopipeline.bench.HttpServerSpans;
import dev.slopipeline.bench.SyntheticShop;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A shop's requests as OpenTelemetry spans on a topic, as the Collector's Kafka exporter writes them with
 * {@code otlp_proto} encoding: OTLP export requests of HTTP server spans made and encoded by the SDK. Each export
 * request holds one service's spans (a Collector beside each service) and is keyed by the service, as the JSON
 * events are, so that one partition carries all of a service's spans in time order.
 */
public final class SpanProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final Map<String, HttpServerSpans> services = new HashMap<>();

    /** Batches for throughput, as pre-filling wants. */
    public SpanProducer(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(EventProducer.settings(bootstrapServers, true));
    }

    /**
     * Sends one export request of {@code spans} requests to operations of the shop, all of one random service, ending
     * {@code spacing} apart from {@code firstEnd} on: 0.5 % server errors, latencies up to 1.2 s.
     */
    public void send(SyntheticShop shop, Random random, Instant firstEnd, Duration spacing, int spans) {
        String service = "svc-" + random.nextInt(shop.services);
        HttpServerSpans made = services.computeIfAbsent(service, HttpServerSpans::new);
        List<SpanData> batch = new ArrayList<>(spans);
        for (int i = 0; i < spans; i++) {
            // the span's method and route make the event's operation, "POST /op-<n>", which the shop's SLOs select
            batch.add(made.span("POST", "/op-" + random.nextInt(shop.operationsPerService),
                    random.nextInt(1000) < 5 ? 503 : 200, firstEnd.plus(spacing.multipliedBy(i)),
                    Duration.ofMillis(random.nextInt(1200)), i));
        }
        Instant lastEnd = firstEnd.plus(spacing.multipliedBy(spans - 1L));
        producer.send(new ProducerRecord<>(topic, null, lastEnd.toEpochMilli(), service.getBytes(StandardCharsets.UTF_8),
                HttpServerSpans.exportRequest(batch, false)));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
        services.values().forEach(HttpServerSpans::close);
    }
}
