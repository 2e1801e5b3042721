package dev.slopipeline.faults.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    private static final LoadRun.Options OPTIONS = new LoadRun.Options(Duration.ofMinutes(2), 1_000, Duration.ofSeconds(5));

    @Test
    void shouldCallALagThatClimbsThroughTheRunUnbounded() {
        LoadReport report = report(IntStream.range(0, 24).mapToObj(i -> sample(i, i * 2_000L)).toList());

        assertThat(report.lagGrew()).isTrue();
        assertThat(report.ok()).isFalse();
        assertThat(report.toMarkdown("faults/load")).contains("FAILED", "| lag grew without bound | yes |");
    }

    @Test
    void shouldCallALagThatSwingsAroundALevelBounded() {
        LoadReport report = report(IntStream.range(0, 24).mapToObj(i -> sample(i, i % 2 == 0 ? 8_000 : 2_000)).toList());

        assertThat(report.lagGrew()).isFalse();
        assertThat(report.toMarkdown("faults/load --minutes 2")).contains("passed", "min 2000, max 8000, last 2000",
                "| page latency (first failing request of the mid-run incident to the page at the webhook) | 1.5 s |");
    }

    private static LoadReport.LagSample sample(int i, long records) {
        return new LoadReport.LagSample(Duration.ofSeconds(5L * i), records);
    }

    @Test
    void shouldFailARunThatPagedAJourneyWhoseTrafficStayedHealthy() {
        List<LoadReport.LagSample> lag = List.of(sample(0, 2_000), sample(1, 3_000), sample(2, 2_000));
        LoadReport report = report(lag, List.of("journey-2"));
        assertThat(report.ok()).isFalse();
        assertThat(report.toMarkdown("faults/load")).contains("FAILED",
                "| pages for journeys that stayed healthy | journey-2 |");
    }

    private static LoadReport report(List<LoadReport.LagSample> lag) {
        return report(lag, List.of());
    }

    private static LoadReport report(List<LoadReport.LagSample> lag, List<String> unexpectedPages) {
        return new LoadReport(Instant.parse("2026-11-23T14:00:00Z"), OPTIONS, Duration.ofMinutes(2), 120_000, lag,
                Optional.of(Duration.ofMillis(1_500)), Duration.ofMinutes(3), unexpectedPages, 0.5, 1.0);
    }
}
