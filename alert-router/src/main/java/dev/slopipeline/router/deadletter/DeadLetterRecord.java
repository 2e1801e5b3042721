package dev.slopipeline.router.deadletter;

import dev.slopipeline.kit.deadletter.DeadLetterHeaders;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A refused input record bound for the dead-letter topic: original key, value and timestamp, plus the
 * dead-letter headers every module writes: {@value DeadLetterHeaders#REASON} (one line for whoever owns the
 * producer) and {@value DeadLetterHeaders#TOPIC} (where it came from).
 */
public final class DeadLetterRecord {

    private DeadLetterRecord() {
    }

    public static Record<byte[], byte[]> of(Record<byte[], byte[]> refused, String topic, String reason) {
        Record<byte[], byte[]> letter = refused.withHeaders(refused.headers());
        DeadLetterHeaders.addReason(letter.headers(), reason, topic);
        return letter;
    }
}
