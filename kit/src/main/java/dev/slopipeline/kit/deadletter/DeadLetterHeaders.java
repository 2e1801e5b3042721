package dev.slopipeline.kit.deadletter;

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
}
