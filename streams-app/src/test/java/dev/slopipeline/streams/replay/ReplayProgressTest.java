package dev.slopipeline.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Progress of a long replay, told every few seconds. */
class ReplayProgressTest {

    private static final long EVENT_TIME = Instant.parse("2026-05-04T00:00:00Z").toEpochMilli();

    @Test
    void shouldTellEventsRateAndEventTimeEveryInterval() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] nanos = {0};
        // the clock moves one second each time it is read: it is read every 256 events
        ReplayProgress progress = ReplayProgress.on(new PrintStream(out, true, StandardCharsets.UTF_8), 2048,
                Duration.ofSeconds(3), () -> nanos[0] += 1_000_000_000L);

        for (int done = 1; done <= 2048; done++) {
            progress.replayed(done, EVENT_TIME + done * 60_000L);
        }

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "replay: 768 of 2,048 events, 256 events/s, event time 2026-05-04T12:48:00Z",
                "replay: 1,536 of 2,048 events, 256 events/s, event time 2026-05-05T01:36:00Z");
    }
}
