package dev.slopipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.event.HealthStatus;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.streams.evaluate.SeverityStatus;
import dev.slopipeline.streams.status.StatusRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When traffic stops, the wall clock moves event time on: alerts still resolve, and the status says there is no data. */
class WallClockTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void shouldResolveAPageAndReportNoDataWhenTrafficStops() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), START, Shop.folder(Shop.CHECKOUT))) {
            for (int minute = 0; minute < 120; minute++) {
                pipeline.request(START.plus(Duration.ofMinutes(minute)), "checkout-api", "POST /checkout", 200, 1000);
            }
            Instant outage = START.plus(Duration.ofMinutes(120));
            for (int minute = 0; minute < 10; minute++) {
                pipeline.request(outage.plus(Duration.ofMinutes(minute)), "payments", "POST /charge/visa", 503, 1000);
            }
            Instant lastEvent = outage.plus(Duration.ofMinutes(9));

            pipeline.runWallClockTo(lastEvent.plus(Duration.ofHours(7)));

            List<Alert> pages = pipeline.alerts().stream().filter(a -> a.severity() == Severity.PAGE).toList();
            assertThat(pages).extracting(Alert::state).containsExactly(AlertState.FIRING, AlertState.RESOLVED);
            // page-slow's 30 minutes hold bad minutes for 30 minutes; the wall clock runs a minute behind, judged every 10 s
            assertThat(pages.get(1).at()).isBetween(lastEvent.plus(Duration.ofMinutes(30)), lastEvent.plus(Duration.ofMinutes(32)));
            pipeline.advanceWallClock(pipeline.config.statusInterval());
            List<StatusRecord> statuses = pipeline.statuses();
            StatusRecord last = statuses.get(statuses.size() - 1);
            assertThat(last.alerts()).containsEntry(Severity.PAGE, new SeverityStatus.NoData());
            assertThat(last.asOf()).isAfter(lastEvent.plus(Duration.ofHours(6)));
        }
    }

    @Test
    void shouldResolveWhileOnlyComponentHealthKeepsArriving() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), START, Shop.folder(Shop.CHECKOUT))) {
            for (int minute = 0; minute < 60; minute++) {
                pipeline.request(START.plus(Duration.ofMinutes(minute)), "checkout-api", "POST /checkout", 200, 1000);
            }
            pipeline.request(START.plus(Duration.ofMinutes(60)), "payments", "POST /charge/visa", 503, 1000);

            for (int second = 70; second < 60 * 60; second += 20) {
                pipeline.health(START.plus(Duration.ofMinutes(60)).plusSeconds(second), "payments", "db-ping", HealthStatus.FAIL, "db-2");
            }

            assertThat(pipeline.alerts()).filteredOn(a -> a.severity() == Severity.PAGE).extracting(Alert::state)
                    .containsExactly(AlertState.FIRING, AlertState.RESOLVED);
        }
    }

    @Test
    void shouldNotMoveTheEventTimeOfAnSloThatStillHasTraffic() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), START, Shop.folder(Shop.CHECKOUT)).wallClockFixed()) {
            // producers running five minutes behind: the wall clock must not make their events late
            for (int second = 0; second < 600; second += 20) {
                pipeline.advanceWallClock(Duration.ofSeconds(20));
                pipeline.request(pipeline.wallClock().minus(Duration.ofMinutes(5)), "checkout-api", "POST /checkout", 200, 100);
            }

            pipeline.advanceWallClock(pipeline.config.statusInterval());
            List<StatusRecord> statuses = pipeline.statuses();
            assertThat(statuses.get(statuses.size() - 1).lateEvents()).isZero();
        }
    }
}
