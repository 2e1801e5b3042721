package dev.slopipeline.streams.ingest;

import dev.slopipeline.kit.deadletter.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Keeps a dead letter small enough to be written. A refused record as large as the broker accepts
 * would, with the reason headers added, exceed the producer's {@code max.request.size} (1 MiB by
 * default) and stop the stream thread on every retry. Records up to {@link #MAX_BYTES} (key, value
 * and headers together) go to the dead-letter topic whole; a larger one keeps the first
 * {@link #KEPT_VALUE_BYTES} of its value and {@link #KEPT_KEY_BYTES} of its key, loses its own
 * headers, and says so in {@link DeadLetterHeaders#TRUNCATED}.
 */
final class DeadLetterSize {

    static final int MAX_BYTES = 512 * 1024;
    static final int KEPT_VALUE_BYTES = 64 * 1024;
    static final int KEPT_KEY_BYTES = 1024;

    /** What the dead letter carries: the record as it came, or its cut version. */
    record Fitted(byte[] key, byte[] value, Headers headers) {
    }

    private DeadLetterSize() {
    }

    static Fitted fit(byte[] key, byte[] value, Headers headers) {
        Header[] original = headers.toArray();
        long headerBytes = 0;
        for (Header header : original) {
            headerBytes += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        long size = length(key) + length(value) + headerBytes;
        if (size <= MAX_BYTES) {
            return new Fitted(key, value, headers);
        }
        byte[] keptKey = cut(key, KEPT_KEY_BYTES);
        byte[] keptValue = cut(value, KEPT_VALUE_BYTES);
        String note = "record of " + size + " bytes cut to fit the dead-letter topic: key " + length(keptKey) + " of "
                + length(key) + " bytes, value " + length(keptValue) + " of " + length(value) + " bytes, 0 of "
                + original.length + " headers (" + headerBytes + " bytes)";
        Headers cutHeaders = new RecordHeaders();
        cutHeaders.add(DeadLetterHeaders.TRUNCATED, note.getBytes(StandardCharsets.UTF_8));
        return new Fitted(keptKey, keptValue, cutHeaders);
    }

    private static byte[] cut(byte[] bytes, int most) {
        return bytes == null || bytes.length <= most ? bytes : Arrays.copyOf(bytes, most);
    }

    private static long length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
