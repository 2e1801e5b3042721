package dev.slopipeline.streams.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do when a stream thread dies: replace it, so one bad moment (a broker restart, a timeout) does
 * not stop alerting. A failure that repeats right away (a poison record, a bug) would have replaced threads
 * in a tight loop forever, re-processing the same records; past {@code maxFailures} within {@code window}
 * the client shuts down instead, {@code /healthz} turns 503, and the orchestrator restarts the process.
 */
final class ThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadFailures.class);

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Counter failures;
    private final Deque<Instant> recent = new ArrayDeque<>();

    ThreadFailures(int maxFailures, Duration window, Clock clock, MeterRegistry registry) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.failures = Counter.builder("slo.pipeline.streams.thread.failures")
                .description("Stream threads that died of an uncaught exception")
                .register(registry);
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        failures.increment();
        Instant now = clock.instant();
        recent.addLast(now);
        while (recent.getFirst().isBefore(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() > maxFailures) {
            LOG.error("Stream thread failed {} times within {}; shutting the streams client down", recent.size(), window, exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.error("Stream thread failed ({} of {} allowed within {}); replacing it", recent.size(), maxFailures, window, exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
