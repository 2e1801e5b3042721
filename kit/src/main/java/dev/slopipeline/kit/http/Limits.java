package dev.slopipeline.kit.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client may cost a server. A slow or stalled client holds a connection, never a thread: the server reads
 * and writes without blocking, so these bound how long and how many.
 *
 * @param requestRead    a request's headers must arrive within this of their first byte, and its body within this of
 *                       the same first byte; otherwise the connection is closed (headers) or answered 408 (body)
 * @param responseWrite  a response must be taken by the client within this, or the connection is closed
 * @param idle           a connection with nothing under way is closed after this
 * @param maxConnections connections open at once; beyond them new ones wait in the listen backlog
 * @param maxBodyBytes   a larger request body is refused with 413
 * @param maxUriLength   a longer request target (path and query) is refused with 414
 * @param workers        threads that run the handlers (which may wait on Kafka or another server); probes never
 *                       wait for them
 */
public record Limits(Duration requestRead, Duration responseWrite, Duration idle, int maxConnections,
                     int maxBodyBytes, int maxUriLength, int workers) {

    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofSeconds(30), 256, 64 * 1024, 2048, 16);

    public Limits {
        positive(requestRead, "requestRead");
        positive(responseWrite, "responseWrite");
        positive(idle, "idle");
        atLeastOne(maxConnections, "maxConnections");
        atLeastOne(workers, "workers");
        atLeastOne(maxUriLength, "maxUriLength");
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative, was " + maxBodyBytes);
        }
    }

    public Limits withMaxBodyBytes(int bytes) {
        return new Limits(requestRead, responseWrite, idle, maxConnections, bytes, maxUriLength, workers);
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }

    private static void atLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
