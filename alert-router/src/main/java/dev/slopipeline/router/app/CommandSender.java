package dev.slopipeline.router.app;

import dev.slopipeline.kit.http.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Puts an API command on its topic and waits until the broker has it, so that a 202 means the command will be
 * applied; a broker that does not take it within {@link #SEND_TIMEOUT} is a 503.
 */
final class CommandSender {

    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final Producer<String, byte[]> producer;

    CommandSender(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** Empty once the broker has the command; otherwise the reply that says why not. */
    Optional<Reply> send(String topic, String key, byte[] value) {
        return sendAll(topic, List.of(Map.entry(key, value)));
    }

    /**
     * Sends every record at once, then waits until the broker has them all: empty then; otherwise the reply that says
     * why not (some may have been taken).
     */
    Optional<Reply> sendAll(String topic, List<Map.Entry<String, byte[]>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        long deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
        try {
            for (Map.Entry<String, byte[]> record : records) {
                sent.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
            }
            for (Future<RecordMetadata> each : sent) {
                each.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(Reply.error(503, "interrupted while sending the command; it may or may not have been accepted"));
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            return Optional.of(Reply.error(503, "Kafka did not accept the command on " + topic + ": " + cause.getMessage())
                    .withHeader("Retry-After", "5"));
        }
    }
}
