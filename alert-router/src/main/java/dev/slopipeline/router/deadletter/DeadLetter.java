package dev.slopipeline.router.deadletter;

import dev.slopipeline.kit.deadletter.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A refused input record bound for the dead-letter topic: original key, value and timestamp, plus the
 * dead-letter headers every module writes: {@value DeadLetterHeaders#REASON} (one line for whoever owns the
 * producer) and {@value DeadLetterHeaders#TOPIC} (where it came from).
 */
public final class DeadLetter {

    private DeadLetter() {
    }

    public static Record<byte[], byte[]> of(Record<byte[], byte[]> refused, String topic, String reason) {
        Record<byte[], byte[]> letter = refused.withHeaders(refused.headers());
        letter.headers().remove(DeadLetterHeaders.REASON).remove(DeadLetterHeaders.TOPIC);
        letter.headers().add(DeadLetterHeaders.REASON, reason.getBytes(StandardCharsets.UTF_8));
        letter.headers().add(DeadLetterHeaders.TOPIC, topic.getBytes(StandardCharsets.UTF_8));
        return letter;
    }
}
