package dev.slopipeline.faults.kill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short kill run of the build: broker, streams app and router as processes, three of them SIGKILLed at
 * random moments while incidents play. The long run is {@code faults/run --kills 50}.
 */
@Tag("integration")
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ProcessKillTest {

    @TempDir
    Path folder;

    @Test
    void shouldDeliverEveryPageAndResolveOnceWhileProcessesAreKilled() throws Exception {
        KillRun.Options options = new KillRun.Options(3, 42L, Duration.ofSeconds(1), Duration.ofSeconds(6), 0, 5, 2, false);

        KillReport report = new KillRun(options, folder).run();

        System.out.print(report.toMarkdown());
        assertThat(report.failures()).isEmpty();
        assertThat(report.duplicatedKeys()).as("keys accepted twice").isEmpty();
        assertThat(report.pagesDelivered() + report.resolvesDelivered()).isEqualTo(report.pagesExpected());
        assertThat(report.deadLetters()).as("dead letters, exactly once each").isEqualTo(report.malformedSent());
        assertThat(report.unsignedOrForged()).isZero();
        assertThat(report.ok()).isTrue();
    }
}
