package dev.slopipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slopipeline.definitions.model.DefinitionSet;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each SLO's series on /metrics: where it stands as last published, and only while this instance runs it. */
class SloSeriesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:05:00Z");
    private static final String[] CHECKOUT = {"slo", "checkout-availability", "service", "storefront", "journey", "checkout"};

    @Test
    void shouldShowWhereTheSloStandsAsItIsPublished() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), T0, Shop.folder(Shop.CHECKOUT))) {
            pipeline.request(T0, "checkout-api", "POST /checkout", 200, 990);
            pipeline.request(T0.plusSeconds(1), "payments", "POST /charge/visa", 503, 10);
            assertThat(find(pipeline, "slo.sli.ratio").gauges()).as("nothing before the first status").isEmpty();

            pipeline.advanceWallClock(pipeline.config.statusInterval());

            assertThat(gauge(pipeline, "slo.info", "objective", "99.9", "window", "30d")).isEqualTo(1);
            assertThat(gauge(pipeline, "slo.objective.ratio")).isCloseTo(0.999, within(1e-12));
            assertThat(gauge(pipeline, "slo.window.seconds")).isEqualTo(Duration.ofDays(30).toSeconds());
            assertThat(gauge(pipeline, "slo.sli.ratio")).isCloseTo(0.99, within(1e-12));
            // 1 % errors against a budget of 0.1 %: every window burns 10 times too fast, the budget is overspent 9 times
            assertThat(gauge(pipeline, "slo.error.budget.remaining.ratio")).isCloseTo(-9, within(1e-9));
            assertThat(find(pipeline, "slo.burn.rate.ratio").gauges()).hasSize(8)
                    .extracting(gauge -> gauge.getId().getTag("window"))
                    .containsExactlyInAnyOrder("5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d");
            assertThat(gauge(pipeline, "slo.burn.rate.ratio", "window", "5m")).isCloseTo(10, within(1e-9));
            assertThat(gauge(pipeline, "slo.burn.rate.threshold.ratio", "pair", "page-fast", "severity", "page",
                    "long_window", "1h", "short_window", "5m")).isCloseTo(14.4, within(1e-9));
            // 1 % is above page-slow's 0.6 % but below page-fast's 1.44 %: the page fires
            assertThat(gauge(pipeline, "slo.alert.state", "severity", "page", "state", "firing")).isEqualTo(1);
            assertThat(gauge(pipeline, "slo.alert.state", "severity", "page", "state", "ok")).isZero();
            assertThat(gauge(pipeline, "slo.alert.state", "severity", "ticket", "state", "firing")).isEqualTo(1);
            assertThat(find(pipeline, "slo.events.counted", "outcome", "good").counter().count()).isEqualTo(990);
            assertThat(find(pipeline, "slo.events.counted", "outcome", "bad").counter().count()).isEqualTo(10);
        }
    }

    @Test
    void shouldKeepShowingTheLastStatusUntilTheNextIsPublished() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), T0, Shop.folder(Shop.CHECKOUT)).wallClockFixed()) {
            pipeline.request(T0, "checkout-api", "POST /checkout", 200, 1000);
            pipeline.advanceWallClock(pipeline.config.statusInterval());
            assertThat(gauge(pipeline, "slo.sli.ratio")).isEqualTo(1);

            pipeline.request(T0.plusSeconds(1), "payments", "POST /charge/visa", 503, 1000);
            assertThat(gauge(pipeline, "slo.sli.ratio")).as("not recomputed before the status interval").isEqualTo(1);
            assertThat(find(pipeline, "slo.events.counted", "outcome", "bad").counter().count()).as("counted at once")
                    .isEqualTo(1000);

            pipeline.advanceWallClock(pipeline.config.statusInterval());
            assertThat(gauge(pipeline, "slo.sli.ratio")).isCloseTo(0.5, within(1e-12));
        }
    }

    @Test
    void shouldStopShowingAnSloThatIsRemoved() {
        try (Pipeline pipeline = new Pipeline(Scenarios.inMemory().withInitialDefinitions(DefinitionSet.empty()), T0)) {
            pipeline.define("Service/storefront", Shop.SERVICES);
            pipeline.define("SLO/checkout-availability", Shop.CHECKOUT);
            pipeline.request(T0, "checkout-api", "POST /checkout", 200, 990);
            pipeline.advanceWallClock(pipeline.config.statusInterval());
            assertThat(sloMeters(pipeline)).isNotEmpty();

            pipeline.define("SLO/checkout-availability", null);
            pipeline.advanceWallClock(pipeline.config.evaluationInterval());

            assertThat(sloMeters(pipeline)).isEmpty();
        }
    }

    @Test
    void shouldStopShowingTheSlosOfATaskThatCloses() {
        Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), T0, Shop.folder(Shop.CHECKOUT));
        try (pipeline) {
            pipeline.request(T0, "checkout-api", "POST /checkout", 200, 990);
            pipeline.advanceWallClock(pipeline.config.statusInterval());
            assertThat(sloMeters(pipeline)).isNotEmpty();
        }

        assertThat(sloMeters(pipeline)).as("another instance exports them now").isEmpty();
    }

    private static List<Meter> sloMeters(Pipeline pipeline) {
        return pipeline.meters.getMeters().stream()
                .filter(meter -> "checkout-availability".equals(meter.getId().getTag("slo")))
                .filter(meter -> !meter.getId().getName().equals("slo.events.late"))
                .toList();
    }

    private static double gauge(Pipeline pipeline, String name, String... tags) {
        return find(pipeline, name, tags).gauge().value();
    }

    private static Search find(Pipeline pipeline, String name, String... tags) {
        return pipeline.meters.find(name).tags(CHECKOUT).tags(tags);
    }
}
