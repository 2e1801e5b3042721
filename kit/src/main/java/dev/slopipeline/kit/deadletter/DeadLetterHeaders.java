package dev.slopipeline.kit.deadletter;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * The header names a dead letter carries besides its original headers, the same on every dead-letter
 * topic of slo-pipeline ({@code slo.events.dlq} of the streams app, {@code router.dlq} of the alert
 * router), each a UTF-8 text. Tools that re-publish fixed records read {@link #TOPIC}.
 */
public final class DeadLetterHeaders {

    /** Why the record was refused: one line for whoever owns the producer. */
    public static final String REASON = "slo.dlq.reason";
    /** The topic the record was read from. */
    public static final String TOPIC = "slo.dlq.topic";
    /** The partition it was read from, where the writer knows it. */
    public static final String PARTITION = "slo.dlq.partition";
    /** The offset it was read at, where the writer knows it. */
    public static final String OFFSET = "slo.dlq.offset";
    /** Present only on a record too large to keep whole: what was kept of it. */
    public static final String TRUNCATED = "slo.dlq.truncated";

    private DeadLetterHeaders() {
    }

    /**
     * Writes why and where from into {@code headers} (the refused record's own, copied), replacing what an earlier
     * refusal wrote there, so a record refused twice on its way still carries one reason.
     */
    public static Headers addReason(Headers headers, String reason, String topic) {
        headers.remove(REASON).remove(TOPIC);
        headers.add(REASON, utf8(reason));
        headers.add(TOPIC, utf8(topic));
        return headers;
    }

    /** Writes where in its topic the refused record was read. */
    public static Headers addPosition(Headers headers, int partition, long offset) {
        headers.remove(PARTITION).remove(OFFSET);
        headers.add(PARTITION, utf8(Integer.toString(partition)));
        headers.add(OFFSET, utf8(Long.toString(offset)));
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
