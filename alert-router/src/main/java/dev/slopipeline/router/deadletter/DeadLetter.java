package dev.slopipeline.router.deadletter;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A refused input record bound for the dead-letter topic: original key, value and timestamp, plus headers
 * {@value #REASON} (one line for whoever owns the producer) and {@value #TOPIC} (where it came from).
 */
public final class DeadLetter {

    public static final String REASON = "dlq.reason";
    public static final String TOPIC = "dlq.topic";

    private DeadLetter() {
    }

    public static Record<byte[], byte[]> of(Record<byte[], byte[]> refused, String topic, String reason) {
        Record<byte[], byte[]> letter = refused.withHeaders(refused.headers());
        letter.headers().remove(REASON).remove(TOPIC);
        letter.headers().add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        letter.headers().add(TOPIC, topic.getBytes(StandardCharsets.UTF_8));
        return letter;
    }
}
