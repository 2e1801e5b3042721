package dev.slopipeline.streams.app;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ThreadFailuresTest {

    private static final RuntimeException FAILURE = new IllegalStateException("poison");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock();
    private final ThreadFailures failures = new ThreadFailures(2, Duration.ofMinutes(10), clock, registry);

    @Test
    void shouldReplaceAThreadUntilFailuresPileUpThenShutTheClientDown() {
        assertThat(failures.handle(FAILURE)).isEqualTo(REPLACE_THREAD);
        assertThat(failures.handle(FAILURE)).isEqualTo(REPLACE_THREAD);
        assertThat(failures.handle(FAILURE)).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(registry.get("slo.pipeline.streams.thread.failures").counter().count()).isEqualTo(3);
    }

    @Test
    void shouldForgetFailuresOlderThanTheWindow() {
        failures.handle(FAILURE);
        failures.handle(FAILURE);

        clock.now = clock.now.plus(Duration.ofMinutes(11));

        assertThat(failures.handle(FAILURE)).isEqualTo(REPLACE_THREAD);
    }

    private static final class MutableClock extends Clock {

        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
