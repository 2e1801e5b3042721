package dev.slopipeline.streams.ingest;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The headers a dead letter carries besides the original ones: why it was refused, and where it was
 * read, as UTF-8 text. Tools that re-publish fixed records read {@code slo.dlq.topic}.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "slo.dlq.reason";
    public static final String TOPIC = "slo.dlq.topic";
    public static final String PARTITION = "slo.dlq.partition";
    public static final String OFFSET = "slo.dlq.offset";
    /** Present only on a record too large to keep whole: what was kept of it (see {@code DeadLetterSize}). */
    public static final String TRUNCATED = "slo.dlq.truncated";

    private DeadLetterHeaders() {
    }

    /** The original headers with the reason and origin added. */
    static Headers of(Headers original, String reason, RecordMetadata origin) {
        Headers headers = new RecordHeaders(original.toArray());
        headers.add(REASON, utf8(reason));
        headers.add(TOPIC, utf8(origin.topic()));
        headers.add(PARTITION, utf8(Integer.toString(origin.partition())));
        headers.add(OFFSET, utf8(Long.toString(origin.offset())));
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
